package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Upsert ("Use Upsert to Create or Update a record", D21; "Update and delete table rows", D4). */
class UpsertTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_create_by_alternate_key_with_the_key_column_from_the_url_then_update_the_same_row() {
        // WHEN a row that does not exist is upserted by its alternate key, asking for the representation
        EmulatorResponse created = dv.send("PATCH", "accounts(accountnumber='A-100')?$select=name,accountnumber",
                "{\"name\":\"Contoso\"}", "Prefer", "return=representation");
        // THEN it is created (201), with the key's column set from the URL
        assertThat(created.status(), equalTo(201));
        JsonNode row = ServiceDriver.json(created);
        assertThat(row.path("accountnumber").asText(), equalTo("A-100"));
        String id = row.path("accountid").asText();
        // WHEN the same key is upserted again
        EmulatorResponse updated = dv.send("PATCH", "accounts(accountnumber='A-100')", "{\"name\":\"Contoso Ltd\"}",
                "Prefer", "return=representation");
        // THEN the same row is updated (200), and no second row exists
        assertThat(updated.status(), equalTo(200));
        assertThat(ServiceDriver.json(updated).path("accountid").asText(), equalTo(id));
        assertThat(dv.json("GET", "accounts?$select=name&$filter=accountnumber%20eq%20'A-100'").path("value").size(),
                equalTo(1));
        assertThat(dv.json("GET", "accounts(" + id + ")").path("name").asText(), equalTo("Contoso Ltd"));
    }

    @Test
    void should_honour_if_match_and_if_none_match_on_an_alternate_key_upsert() {
        // If-Match: * allows only an update: a missing row is 404, and nothing is created
        assertThat(dv.send("PATCH", "accounts(accountnumber='A-200')", "{\"name\":\"x\"}", "If-Match", "*").status(),
                equalTo(404));
        assertThat(dv.json("GET", "accounts?$select=name").path("value").size(), equalTo(0));
        // without representation, a create is 204 with the new row's URL
        EmulatorResponse created = dv.send("PATCH", "accounts(accountnumber='A-200')", "{\"name\":\"x\"}");
        assertThat(created.status(), equalTo(204));
        assertThat(created.header("OData-EntityId"), containsString("/accounts("));
        // If-None-Match: * allows only a create: an existing row is 412
        assertThat(dv.send("PATCH", "accounts(accountnumber='A-200')", "{\"name\":\"y\"}", "If-None-Match", "*").status(),
                equalTo(412));
    }

    @Test
    void should_refuse_a_body_that_contradicts_the_key_in_the_url() {
        EmulatorResponse response = dv.send("PATCH", "accounts(accountnumber='A-300')", "{\"accountnumber\":\"B-1\"}");
        assertThat(response.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(response), containsString("is 'A-300' in the URL but 'B-1' in the body"));
        assertThat(dv.json("GET", "accounts?$select=name").path("value").size(), equalTo(0));
    }

    @Test
    void should_answer_201_when_an_upsert_by_primary_key_creates_with_representation() {
        String id = "6f3e2a1b-0000-4000-8000-000000000001";
        assertThat(dv.send("PATCH", "accounts(" + id + ")", "{\"name\":\"n\"}", "Prefer", "return=representation").status(),
                equalTo(201));
        assertThat(dv.send("PATCH", "accounts(" + id + ")", "{\"name\":\"m\"}", "Prefer", "return=representation").status(),
                equalTo(200));
    }
}

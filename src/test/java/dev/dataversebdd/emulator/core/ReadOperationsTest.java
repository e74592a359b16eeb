package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R1–R5: the reads that verify, with Dataverse's context URLs, $count's byte order mark and $filter. */
class ReadOperationsTest {

    private final ServiceDriver dv = new ServiceDriver();
    private final UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
    private final UUID contact = dv.create("contacts", "{\"firstname\":\"Rene\",\"lastname\":\"Valdes\"}");
    private final UUID opportunity = dv.create("opportunities", "{\"name\":\"Big deal\",\"customerid_account@odata.bind\":"
            + "\"/accounts(" + account + ")\"}");

    @Test
    void should_count_related_rows_as_text_after_a_byte_order_mark() {
        // WHEN the account's opportunities are counted THEN the answer is text: a byte order mark, then 1 (D6)
        EmulatorResponse response = dv.send("GET", "accounts(" + account + ")/opportunity_customer_accounts/$count", null);
        assertThat(response.status(), equalTo(200));
        assertThat(response.bodyText(), equalTo("\uFEFF1"));
        assertThat(response.header("Content-Type"), startsWith("text/plain"));
    }

    @Test
    void should_answer_204_for_an_empty_single_valued_navigation_and_its_ref() {
        // WHEN an empty lookup is read, as a row and as a reference THEN both answer 204
        assertThat(dv.send("GET", "accounts(" + account + ")/primarycontactid", null).status(), equalTo(204));
        assertThat(dv.send("GET", "accounts(" + account + ")/primarycontactid/$ref", null).status(), equalTo(204));
    }

    @Test
    void should_read_a_single_valued_reference() {
        // GIVEN the account's primary contact
        dv.send("PATCH", "accounts(" + account + ")", "{\"primarycontactid@odata.bind\":\"/contacts(" + contact + ")\"}");
        // WHEN it is read as a reference THEN the answer is #$ref with the contact's absolute URL
        JsonNode ref = dv.json("GET", "accounts(" + account + ")/primarycontactid/$ref");
        assertThat(ref.path("@odata.context").asText(), equalTo("http://localhost/api/data/v9.2/$metadata#$ref"));
        assertThat(ref.path("@odata.id").asText(), equalTo(ServiceDriver.url("contacts", contact)));
    }

    @Test
    void should_filter_on_lookups_and_columns_joined_by_and() {
        // GIVEN a second opportunity of the same account
        dv.create("opportunities", "{\"name\":\"Other\",\"customerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
        // WHEN the filter names the lookup and the name THEN only the one opportunity matches
        JsonNode list = dv.json("GET", "opportunities?$select=name&$filter=_customerid_value%20eq%20" + account
                + "%20and%20name%20eq%20'Big%20deal'");
        assertThat(list.path("value").size(), equalTo(1));
        assertThat(list.path("value").get(0).path("opportunityid").asText(), equalTo(opportunity.toString()));
    }

    @Test
    void should_expand_references_only() {
        // WHEN the customer is expanded as a reference THEN it is an @odata.id, and the context says so
        JsonNode read = dv.json("GET", "opportunities(" + opportunity + ")?$select=name&$expand=customerid_account/$ref");
        assertThat(read.path("customerid_account").path("@odata.id").asText(), equalTo(ServiceDriver.url("accounts", account)));
        assertThat(read.path("@odata.context").asText(), equalTo(
                "http://localhost/api/data/v9.2/$metadata#opportunities(name,customerid_account)/$entity"));
    }

    @Test
    void should_return_every_column_with_nulls_when_nothing_is_selected() {
        // WHEN a row is read without $select THEN every column is there, empty ones as null, with its ETag
        JsonNode read = dv.json("GET", "accounts(" + account + ")");
        assertThat(read.has("telephone1"), equalTo(true));
        assertThat(read.path("telephone1").isNull(), equalTo(true));
        assertThat(read.path("@odata.etag").asText(), startsWith("W/\""));
    }

    @Test
    void should_serve_metadata_and_a_service_document() {
        // WHEN $metadata and the service document are read THEN XML, and one entry per entity set
        EmulatorResponse metadata = dv.send("GET", "$metadata", null);
        assertThat(metadata.status(), equalTo(200));
        assertThat(metadata.header("Content-Type"), equalTo("application/xml"));
        assertThat(dv.json("GET", "/api/data/v9.0/").path("value").size(), equalTo(14));
    }
}

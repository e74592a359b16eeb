package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Single-property requests (D6, D4) and conditional retrieval (D9). */
class SinglePropertyAndConditionalTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_read_a_single_property_and_its_raw_value() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\",\"revenue\":5000.5}");
        JsonNode name = dv.json("GET", "accounts(" + contoso + ")/name");
        assertThat(name.path("value").asText(), equalTo("Contoso"));
        assertThat(name.path("@odata.context").asText(), containsString("$metadata#accounts(" + contoso + ")/name"));
        EmulatorResponse raw = dv.send("GET", "accounts(" + contoso + ")/revenue/$value", null);
        assertThat(raw.status(), equalTo(200));
        assertThat(new String(raw.body(), StandardCharsets.UTF_8), equalTo("5000.5"));
        assertThat(dv.send("GET", "accounts(" + contoso + ")/description", null).status(), equalTo(204));
    }

    @Test
    void should_update_and_delete_a_single_property_with_the_checks_of_a_patch() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\",\"description\":\"old\"}");
        assertThat(dv.send("PUT", "accounts(" + contoso + ")/name", "{\"value\":\"Contoso Ltd\"}").status(), equalTo(204));
        assertThat(dv.json("GET", "accounts(" + contoso + ")/name").path("value").asText(), equalTo("Contoso Ltd"));
        assertThat(dv.send("DELETE", "accounts(" + contoso + ")/description", null).status(), equalTo(204));
        assertThat(dv.send("GET", "accounts(" + contoso + ")/description", null).status(), equalTo(204));
        // the same checks as PATCH: a value of the wrong type, a lookup, the key, a malformed body
        assertThat(dv.send("PUT", "accounts(" + contoso + ")/revenue", "{\"value\":\"lots\"}").status(), equalTo(400));
        EmulatorResponse lookup = dv.send("PUT", "accounts(" + contoso + ")/_primarycontactid_value",
                "{\"value\":\"" + UUID.randomUUID() + "\"}");
        assertThat(ServiceDriver.errorMessage(lookup), containsString("is a lookup property and read-only"));
        assertThat(dv.send("DELETE", "accounts(" + contoso + ")/accountid", null).status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(dv.send("PUT", "accounts(" + contoso + ")/name", "{\"name\":\"x\"}")),
                containsString("{\"value\": ...}"));
        assertThat(dv.send("POST", "accounts(" + contoso + ")/name", "{\"value\":\"x\"}").status(), equalTo(404));
        assertThat(dv.json("GET", "accounts(" + contoso + ")/name").path("value").asText(), equalTo("Contoso Ltd"));
    }

    @Test
    void should_answer_304_to_a_current_etag_and_never_with_expand() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        UUID deal = dv.create("opportunities", "{\"name\":\"Big deal\"}");
        String etag = dv.json("GET", "opportunities(" + deal + ")").path("@odata.etag").asText();
        EmulatorResponse current = dv.send("GET", "opportunities(" + deal + ")?$select=name", null, "If-None-Match", etag);
        assertThat(current.status(), equalTo(304));
        assertThat(current.body().length, equalTo(0));
        assertThat(dv.send("GET", "opportunities(" + deal + ")?$expand=customerid_account", null, "If-None-Match", etag)
                .status(), equalTo(200));
        // WHEN the opportunity is associated to the account, its lookup changes, and so does its ETag
        assertThat(dv.send("POST", "accounts(" + contoso + ")/opportunity_customer_accounts/$ref",
                "{\"@odata.id\":\"http://localhost/api/data/v9.2/opportunities(" + deal + ")\"}").status(), equalTo(204));
        EmulatorResponse changed = dv.send("GET", "opportunities(" + deal + ")", null, "If-None-Match", etag);
        assertThat(changed.status(), equalTo(200));
        assertThat(ServiceDriver.json(changed).path("@odata.etag").asText(), not(equalTo(etag)));
    }

    @Test
    void should_expand_a_lookup_as_a_reference_with_its_value_and_refuse_it_on_a_collection() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        UUID deal = dv.create("opportunities", "{\"name\":\"Big deal\",\"customerid_account@odata.bind\":\"/accounts("
                + contoso + ")\"}");
        JsonNode row = dv.json("GET", "opportunities(" + deal + ")?$select=name&$expand=customerid_account/$ref");
        assertThat(row.path("customerid_account").path("@odata.id").asText(), containsString("/accounts(" + contoso + ")"));
        assertThat(row.path("_customerid_value").asText(), equalTo(contoso.toString()));
        EmulatorResponse collection = dv.send("GET", "accounts(" + contoso + ")?$expand=opportunity_customer_accounts/$ref",
                null);
        assertThat(collection.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(collection),
                equalTo("Expand with $ref is only supported on lookup type navigation property."));
    }
}

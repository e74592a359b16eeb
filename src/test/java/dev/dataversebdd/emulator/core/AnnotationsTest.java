package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lookup annotations as asked for with Prefer: odata.include-annotations (D8; OData Protocol 8.2.8.4). */
class AnnotationsTest {

    private static final String FORMATTED = "_customerid_value@OData.Community.Display.V1.FormattedValue";
    private static final String LOGICAL = "_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname";

    private final ServiceDriver dv = new ServiceDriver();

    private JsonNode read(UUID deal, String preference) {
        return ServiceDriver.json(dv.send("GET", "opportunities(" + deal + ")?$select=_customerid_value", null, "Prefer",
                "odata.include-annotations=" + preference));
    }

    @Test
    void should_add_each_annotation_only_when_asked_for_and_follow_a_rebind() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        UUID fabrikam = dv.create("accounts", "{\"name\":\"Fabrikam\"}");
        UUID deal = dv.create("opportunities", "{\"name\":\"Big deal\",\"customerid_account@odata.bind\":\"/accounts("
                + contoso + ")\"}");
        JsonNode alone = read(deal, "\"OData.Community.Display.V1.FormattedValue\"");
        assertThat(alone.path(FORMATTED).asText(), equalTo("Contoso"));
        assertThat(alone.has(LOGICAL), equalTo(false));
        JsonNode list = read(deal, "\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\"");
        assertThat(list.path(LOGICAL).asText(), equalTo("account"));
        JsonNode namespace = read(deal, "\"Microsoft.Dynamics.CRM.*\"");
        assertThat(namespace.has(FORMATTED), equalTo(false));
        assertThat(namespace.path(LOGICAL).asText(), equalTo("account"));
        JsonNode allButOne = read(deal, "\"*,-OData.Community.Display.V1.FormattedValue\"");
        assertThat(allButOne.has(FORMATTED), equalTo(false));
        assertThat(allButOne.has(LOGICAL), equalTo(true));
        // WHEN the opportunity is rebound to another account, the formatted value follows
        assertThat(dv.send("PATCH", "opportunities(" + deal + ")", "{\"customerid_account@odata.bind\":\"/accounts("
                + fabrikam + ")\"}").status(), equalTo(204));
        assertThat(read(deal, "\"*\"").path(FORMATTED).asText(), equalTo("Fabrikam"));
    }
}

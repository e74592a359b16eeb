package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The emulator's caller: WhoAmI (D22), and a systemuser row scenarios can bind, present from start-up. */
class WhoAmITest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_answer_who_am_i_with_a_caller_whose_row_exists_and_survives_a_reset() {
        // WHEN the caller asks who it is THEN the caller's ids, and its systemuser row exists
        JsonNode me = dv.json("GET", "WhoAmI");
        assertThat(me.path("@odata.context").asText(), containsString("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse"));
        String userId = me.path("UserId").asText();
        assertThat(userId, equalTo(dv.service.caller().userId().toString()));
        assertThat(me.path("BusinessUnitId").asText(), equalTo(dv.service.caller().businessUnitId().toString()));
        assertThat(me.path("OrganizationId").asText(), equalTo(dv.service.caller().organizationId().toString()));
        assertThat(dv.json("GET", "systemusers(" + userId + ")?$select=fullname").path("fullname").asText(),
                equalTo("Emulator Caller"));
        // WHEN the emulator is reset THEN the caller's row is still there; a POST to the function is 404 (D16)
        dv.service.reset();
        assertThat(dv.send("GET", "systemusers(" + userId + ")", null).status(), equalTo(200));
        assertThat(dv.send("POST", "WhoAmI", "{}").status(), equalTo(404));
    }

    @Test
    void should_let_an_email_be_sent_from_the_caller() {
        // GIVEN the caller's id
        String userId = dv.json("GET", "WhoAmI").path("UserId").asText();
        // WHEN an email is created with the caller as its sender THEN it is created
        EmulatorResponse created = dv.send("POST", "emails", "{\"subject\":\"Offer\",\"email_activity_parties\":[{"
                + "\"partyid_systemuser@odata.bind\":\"/systemusers(" + userId + ")\",\"participationtypemask\":1}]}");
        assertThat(created.bodyText(), created.status(), equalTo(204));
    }
}

package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** P6–P8 and the CRUD that fixtures need: create with binds and deep insert, PATCH binds, delete, parties. */
class WriteOperationsTest {

    private final ServiceDriver dv = new ServiceDriver();
    private final UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");

    @Test
    void should_create_with_204_and_an_entity_id_echoing_the_request_version() {
        // WHEN a contact is created at the v8.2 path
        EmulatorResponse response = dv.send("POST", "/api/data/v8.2/contacts", "{\"lastname\":\"Ann\"}");
        // THEN 204, and OData-EntityId keeps the request's API version
        assertThat(response.status(), equalTo(204));
        assertThat(response.header("OData-EntityId"), containsString("http://localhost/api/data/v8.2/contacts("));
    }

    @Test
    void should_answer_201_with_the_expanded_row_when_representation_is_preferred() {
        // GIVEN a task
        UUID task = dv.create("tasks", "{\"subject\":\"Call\"}");
        // WHEN an account bound to it is created, asking for the representation
        EmulatorResponse response = dv.send("POST", "accounts?$select=name&$expand=Account_Tasks($select=subject)",
                "{\"name\":\"New\",\"Account_Tasks@odata.bind\":[\"/tasks(" + task + ")\"]}",
                "Prefer", "return=representation");
        // THEN 201 with the row as asked, no OData-EntityId (D3)
        assertThat(response.status(), equalTo(201));
        assertThat(response.header("Preference-Applied"), equalTo("return=representation"));
        assertThat(response.header("OData-EntityId"), is(nullValue()));
        JsonNode body = ServiceDriver.json(response);
        assertThat(body.path("@odata.context").asText(), endsWith("$metadata#accounts(name,Account_Tasks(subject))/$entity"));
        assertThat(body.path("Account_Tasks").get(0).path("subject").asText(), equalTo("Call"));
    }

    @Test
    void should_deep_insert_at_any_depth_and_compute_the_contact_full_name() {
        // WHEN an account is created with a contact and an opportunity with a task inside it
        UUID created = dv.create("accounts", "{\"name\":\"Sample\",\"primarycontactid\":{\"firstname\":\"John\","
                + "\"lastname\":\"Smith\"},\"opportunity_customer_accounts\":[{\"name\":\"Opp\",\"Opportunity_Tasks\":"
                + "[{\"subject\":\"Task\"}]}]}");
        // THEN every nested row reads back, the contact with its computed full name
        JsonNode read = dv.json("GET", "accounts(" + created + ")?$select=name&$expand=primarycontactid($select=fullname),"
                + "opportunity_customer_accounts($select=name;$expand=Opportunity_Tasks($select=subject))");
        assertThat(read.path("primarycontactid").path("fullname").asText(), equalTo("John Smith"));
        assertThat(read.path("opportunity_customer_accounts").get(0).path("Opportunity_Tasks").get(0).path("subject")
                .asText(), equalTo("Task"));
    }

    @Test
    void should_leave_nothing_behind_when_a_deep_insert_fails_anywhere() {
        // GIVEN the rows there are
        int before = dv.service.rowCount();
        // WHEN a deep insert fails on its last nested row
        EmulatorResponse response = dv.send("POST", "accounts", "{\"name\":\"Half\",\"opportunity_customer_accounts\":"
                + "[{\"name\":\"Fine\"},{\"name\":\"Broken\",\"Opportunity_Tasks\":[{\"subjekt\":\"typo\"}]}]}");
        // THEN 400, and none of its rows stays
        assertThat(response.status(), equalTo(400));
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_apply_several_binds_and_nulls_in_one_patch_atomically() {
        // GIVEN a parent account and a contact
        UUID parent = dv.create("accounts", "{\"name\":\"Parent\"}");
        UUID contact = dv.create("contacts", "{\"lastname\":\"Ann\"}");
        // WHEN one PATCH binds both lookups THEN it answers 204
        String path = "accounts(" + account + ")";
        assertThat(dv.send("PATCH", path, "{\"parentaccountid@odata.bind\":\"/accounts(" + parent + ")\","
                + "\"primarycontactid@odata.bind\":\"contacts(" + contact + ")\"}", "If-Match", "*").status(), equalTo(204));
        // WHEN a PATCH that clears one lookup fails on the other
        EmulatorResponse failing = dv.send("PATCH", path, "{\"parentaccountid\":null,"
                + "\"primarycontactid@odata.bind\":\"/contacts(" + UUID.randomUUID() + ")\"}");
        // THEN 404, and the first lookup was not cleared
        assertThat(failing.status(), equalTo(404));
        assertThat(dv.lookup("accounts", account, "_parentaccountid_value"), equalTo(parent.toString()));
        // WHEN one PATCH clears both, each in its own form THEN both are cleared
        EmulatorResponse both = dv.send("PATCH", path, "{\"parentaccountid\":null,\"primarycontactid@odata.bind\":null}");
        assertThat(both.status(), equalTo(204));
        assertThat(both.header("OData-EntityId"), endsWith("/accounts(" + account + ")"));
        assertThat(dv.lookup("accounts", account, "_parentaccountid_value"), is(nullValue()));
        assertThat(dv.lookup("accounts", account, "_primarycontactid_value"), is(nullValue()));
    }

    @Test
    void should_follow_the_bind_null_behaviour() {
        // GIVEN an account whose parent is bound
        UUID parent = dv.create("accounts", "{\"name\":\"Parent\"}");
        String path = "accounts(" + account + ")";
        String bind = "{\"parentaccountid@odata.bind\":\"/accounts(" + parent + ")\"}";
        String unbind = "{\"parentaccountid@odata.bind\":null}";
        dv.send("PATCH", path, bind);
        // WHEN @odata.bind: null is sent under each bind-null mode
        // THEN "rejected" answers 400, "ignored" keeps the parent, "clears" (the default) clears it
        EmulatorResponse rejected = dv.send("PATCH", path, unbind, DataverseService.BEHAVIOUR_HEADER, "bind-null=rejected");
        assertThat(rejected.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(rejected), containsString("'odata.bind' instance or property annotation has a null value"));
        assertThat(dv.send("PATCH", path, unbind, DataverseService.BEHAVIOUR_HEADER, "bind-null=ignored").status(), equalTo(204));
        assertThat(dv.lookup("accounts", account, "_parentaccountid_value"), equalTo(parent.toString()));
        assertThat(dv.send("PATCH", path, unbind).status(), equalTo(204));
        assertThat(dv.lookup("accounts", account, "_parentaccountid_value"), is(nullValue()));
    }

    @Test
    void should_upsert_without_if_match_and_answer_404_with_it() {
        // GIVEN an id no row has
        UUID id = UUID.randomUUID();
        // THEN If-Match: * refuses to create it (404), and without it the PATCH upserts it
        assertThat(dv.send("PATCH", "contacts(" + id + ")", "{\"lastname\":\"New\"}", "If-Match", "*").status(), equalTo(404));
        assertThat(dv.send("PATCH", "contacts(" + id + ")", "{\"lastname\":\"New\"}").status(), equalTo(204));
        assertThat(dv.json("GET", "contacts(" + id + ")?$select=lastname").path("lastname").asText(), equalTo("New"));
    }

    @Test
    void should_honour_etags_on_patch() {
        // GIVEN the account's current ETag
        String etag = dv.json("GET", "accounts(" + account + ")?$select=name").path("@odata.etag").asText();
        // THEN a PATCH with it succeeds, a second with the now stale ETag is 412, and so is If-None-Match: *
        assertThat(dv.send("PATCH", "accounts(" + account + ")", "{\"name\":\"A\"}", "If-Match", etag).status(), equalTo(204));
        assertThat(dv.send("PATCH", "accounts(" + account + ")", "{\"name\":\"B\"}", "If-Match", etag).status(), equalTo(412));
        assertThat(dv.send("PATCH", "accounts(" + account + ")", "{\"name\":\"B\"}", "If-None-Match", "*").status(), equalTo(412));
    }

    @Test
    void should_cascade_or_remove_links_on_delete_and_drop_n_to_n_pairs() {
        // GIVEN an account with an opportunity (cascade), a child account (remove link) and an N:N pair through the opportunity
        UUID opportunity = dv.create("opportunities", "{\"name\":\"Opp\",\"customerid_account@odata.bind\":\"/accounts("
                + account + ")\"}");
        UUID child = dv.create("accounts", "{\"name\":\"Child\",\"parentaccountid@odata.bind\":\"/accounts(" + account + ")\"}");
        UUID competitor = dv.create("competitors", "{\"name\":\"Rival\"}");
        dv.send("POST", "competitors(" + competitor + ")/opportunitycompetitors_association/$ref", ref("opportunities", opportunity));
        // WHEN the account is deleted THEN the opportunity is gone, the child unlinked, the pair dropped
        assertThat(dv.send("DELETE", "accounts(" + account + ")", null).status(), equalTo(204));
        assertThat(dv.send("GET", "opportunities(" + opportunity + ")", null).status(), equalTo(404));
        assertThat(dv.lookup("accounts", child, "_parentaccountid_value"), is(nullValue()));
        assertThat(dv.service.pairCount(), equalTo(0L));
    }

    @Test
    void should_replace_email_parties_as_the_behaviour_says() {
        // GIVEN an email with a sender and a recipient
        UUID email = dv.create("emails", "{\"subject\":\"Hi\"}");
        UUID ann = dv.create("contacts", "{\"lastname\":\"Ann\"}");
        UUID dana = dv.create("systemusers", "{\"fullname\":\"Dana\"}");
        String path = "emails(" + email + ")/email_activity_parties";
        dv.send("PUT", path, "{\"value\":[{\"partyid_systemuser@odata.bind\":\"systemusers(" + dana + ")\","
                + "\"participationtypemask\":1},{\"partyid_contact@odata.bind\":\"contacts(" + ann + ")\",\"participationtypemask\":2}]}");
        // WHEN a PUT under replace-present-types sends a CC only THEN the sender and the recipient stay
        EmulatorResponse presentTypes = dv.send("PUT", path, "{\"value\":[{\"partyid_contact@odata.bind\":\"contacts(" + ann
                + ")\",\"participationtypemask\":3}]}", DataverseService.BEHAVIOUR_HEADER, "activity-party-put=replace-present-types");
        assertThat(presentTypes.status(), equalTo(204));
        assertThat(dv.json("GET", path + "?$select=participationtypemask").path("value").size(), equalTo(3));
        // WHEN an empty list is PUT under the default replace-all THEN no party is left
        assertThat(dv.send("PUT", path, "{\"value\":[]}").status(), equalTo(204));
        assertThat(dv.json("GET", path).path("value").size(), equalTo(0));
        // WHEN the PUT is rejected by the behaviour, or names a participation type an email does not take THEN 400
        EmulatorResponse rejected = dv.send("PUT", path, "{\"value\":[]}", DataverseService.BEHAVIOUR_HEADER,
                "activity-party-put=rejected");
        assertThat(rejected.status(), equalTo(400));
        assertThat(dv.send("PUT", path, "{\"value\":[{\"partyid_contact@odata.bind\":\"contacts(" + ann
                + ")\",\"participationtypemask\":7}]}").status(), equalTo(400));
    }

    @Test
    void should_create_and_link_a_row_posted_to_a_collection_navigation_property() {
        // WHEN a contact is POSTed to the account's contacts
        EmulatorResponse response = dv.send("POST", "accounts(" + account + ")/contact_customer_accounts", "{\"lastname\":\"Kid\"}");
        // THEN it is created and linked
        assertThat(response.status(), equalTo(204));
        assertThat(dv.json("GET", "accounts(" + account + ")/contact_customer_accounts?$select=lastname").path("value")
                .get(0).path("lastname").asText(), equalTo("Kid"));
    }
}

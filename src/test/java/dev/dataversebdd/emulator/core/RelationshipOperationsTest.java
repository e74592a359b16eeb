package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static dev.dataversebdd.emulator.core.ServiceDriver.url;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** P1–P5 of the behaviour notes: associate, rebind, and the three DELETE $ref forms, without a socket. */
class RelationshipOperationsTest {

    private final ServiceDriver dv = new ServiceDriver();
    private final UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
    private final UUID opportunity = dv.create("opportunities", "{\"name\":\"Big deal\"}");

    @Test
    void should_answer_204_with_odata_version_and_set_the_lookup_on_associate() {
        // WHEN
        EmulatorResponse response = dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref",
                ref("opportunities", opportunity));
        // THEN
        assertThat(response.status(), equalTo(204));
        assertThat(response.body().length, equalTo(0));
        assertThat(response.header("OData-Version"), equalTo("4.0"));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), equalTo(account.toString()));
    }

    @Test
    void should_move_a_child_to_its_new_parent_and_clear_the_other_side_of_a_multi_table_lookup() {
        // GIVEN
        UUID contact = dv.create("contacts", "{\"lastname\":\"Ann\"}");
        dv.send("POST", "contacts(" + contact + ")/opportunity_customer_contacts/$ref", ref("opportunities", opportunity));
        // WHEN
        dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref", ref("opportunities", opportunity));
        // THEN
        assertThat(dv.json("GET", "contacts(" + contact + ")/opportunity_customer_contacts/$ref").path("value").size(),
                equalTo(0));
        JsonNode read = ServiceDriver.json(dv.send("GET", "opportunities(" + opportunity + ")?$select=_customerid_value",
                null, "Prefer", "odata.include-annotations=\"*\""));
        assertThat(read.path("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText(), equalTo("account"));
        assertThat(read.path("_customerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").asText(),
                equalTo("customerid_account"));
    }

    @Test
    void should_add_an_n_to_n_pair_visible_from_both_sides() {
        // GIVEN
        UUID competitor = dv.create("competitors", "{\"name\":\"Rival\"}");
        // WHEN
        EmulatorResponse response = dv.send("POST", "competitors(" + competitor + ")/opportunitycompetitors_association/$ref",
                ref("opportunities", opportunity));
        // THEN
        assertThat(response.status(), equalTo(204));
        assertThat(dv.json("GET", "opportunities(" + opportunity + ")/opportunitycompetitors_association/$ref")
                .path("value").get(0).path("@odata.id").asText(), equalTo(url("competitors", competitor)));
    }

    @Test
    void should_refuse_a_duplicate_n_to_n_pair_with_412_by_default() {
        UUID competitor = dv.create("competitors", "{\"name\":\"Rival\"}");
        String path = "opportunities(" + opportunity + ")/opportunitycompetitors_association/$ref";
        dv.send("POST", path, ref("competitors", competitor));
        EmulatorResponse again = dv.send("POST", path, ref("competitors", competitor));
        assertThat(again.status(), equalTo(412));
        assertThat(ServiceDriver.errorCode(again), equalTo("0x80040237"));
        assertThat(dv.service.pairCount(), equalTo(1L));
    }

    @Test
    void should_rebind_with_put_and_echo_nothing() {
        EmulatorResponse response = dv.send("PUT", "opportunities(" + opportunity + ")/customerid_account/$ref",
                ref("accounts", account));
        assertThat(response.status(), equalTo(204));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), equalTo(account.toString()));
    }

    @Test
    void should_refuse_a_relative_odata_id_by_default_and_accept_it_when_switched() {
        String body = "{\"@odata.id\":\"accounts(" + account + ")\"}";
        String path = "opportunities(" + opportunity + ")/customerid_account/$ref";
        assertThat(dv.send("PUT", path, body).status(), equalTo(400));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), is(nullValue()));
        assertThat(dv.send("PUT", path, body, DataverseService.BEHAVIOUR_HEADER, "relative-odata-id=accept").status(),
                equalTo(204));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), equalTo(account.toString()));
    }

    @Test
    void should_disassociate_in_each_documented_form() {
        String collection = "accounts(" + account + ")/opportunity_customer_accounts";
        String[] forms = {
            collection + "/$ref?$id=" + url("opportunities", opportunity),
            collection + "/$ref?$id=" + url("opportunities", opportunity).replace(":", "%3A").replace("/", "%2F"),
            collection + "(" + opportunity + ")/$ref",
            "opportunities(" + opportunity + ")/customerid_account/$ref"};
        for (String form : forms) {
            dv.send("POST", collection + "/$ref", ref("opportunities", opportunity));
            assertThat(form, dv.send("DELETE", form, null).status(), equalTo(204));
            assertThat(form, dv.lookup("opportunities", opportunity, "_customerid_value"), is(nullValue()));
        }
    }

    @Test
    void should_refuse_delete_ref_without_id_unless_remove_all_is_switched_on() {
        String collection = "accounts(" + account + ")/opportunity_customer_accounts";
        dv.send("POST", collection + "/$ref", ref("opportunities", opportunity));
        assertThat(dv.send("DELETE", collection + "/$ref", null).status(), equalTo(400));
        assertThat(dv.send("DELETE", collection + "/$ref", null, DataverseService.BEHAVIOUR_HEADER,
                "delete-ref-without-id=remove-all").status(), equalTo(204));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), is(nullValue()));
    }

    @Test
    void should_treat_disassociating_unrelated_rows_as_a_no_op_or_404_as_switched() {
        UUID stranger = dv.create("opportunities", "{\"name\":\"Stranger\"}");
        String path = "accounts(" + account + ")/opportunity_customer_accounts(" + stranger + ")/$ref";
        assertThat(dv.send("DELETE", path, null).status(), equalTo(204));
        assertThat(dv.send("DELETE", path, null, DataverseService.BEHAVIOUR_HEADER, "disassociate-unrelated=not-found")
                .status(), equalTo(404));
    }

    @Test
    void should_refuse_a_hierarchy_loop_and_leave_the_hierarchy_unchanged() {
        UUID child = dv.create("accounts", "{\"name\":\"Child\"}");
        dv.send("PUT", "accounts(" + child + ")/parentaccountid/$ref", ref("accounts", account));
        EmulatorResponse loop = dv.send("PUT", "accounts(" + account + ")/parentaccountid/$ref", ref("accounts", child));
        assertThat(loop.status(), equalTo(400));
        assertThat(ServiceDriver.errorCode(loop), equalTo("0x80040507"));
        assertThat(dv.lookup("accounts", account, "_parentaccountid_value"), is(nullValue()));
    }

    @Test
    void should_refuse_a_target_of_the_wrong_table() {
        UUID contact = dv.create("contacts", "{\"lastname\":\"Ann\"}");
        EmulatorResponse response = dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref",
                ref("contacts", contact));
        assertThat(response.status(), equalTo(400));
    }

    @Test
    void should_match_absolute_references_by_path_whatever_the_host_and_version() {
        String body = "{\"@odata.id\":\"https://contoso.crm.dynamics.com/Contoso/api/data/v8.1/opportunities(" + opportunity + ")\"}";
        assertThat(dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref", body).status(),
                equalTo(204));
    }

    @Test
    void should_find_rows_by_named_and_alternate_keys() {
        dv.send("PATCH", "accounts(" + account + ")", "{\"accountnumber\":\"ABC123\"}");
        EmulatorResponse byAlternateKey = dv.send("PUT", "opportunities(opportunityid=" + opportunity
                + ")/customerid_account/$ref", "{\"@odata.id\":\"http://localhost/api/data/v9.2/accounts(accountnumber='ABC123')\"}");
        assertThat(byAlternateKey.status(), equalTo(204));
        assertThat(dv.lookup("opportunities", opportunity, "_customerid_value"), equalTo(account.toString()));
    }
}

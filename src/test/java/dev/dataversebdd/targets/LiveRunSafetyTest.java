package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Sweep;
import dev.dataversebdd.emulator.core.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live run against a stand-in org that holds rows the run did not create: some named in
 * {@code dataverse.existing-rows}, some not. After every case each of those rows is checked field by field and link
 * by link: intact, or restored exactly; and the run leaves nothing of its own behind.
 */
class LiveRunSafetyTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    @TempDir
    Path ledgers;

    private StandInOrg org;
    private UUID shared;
    private UUID production;
    private UUID theirDeal;
    private UUID x1;
    private UUID branch;
    private UUID existingDeal;
    private UUID dana;
    private UUID salesperson;

    @BeforeEach
    void seedTheOrg() {
        LOCAL.org().service().reset();
        org = new StandInOrg(LOCAL);
        shared = org.seed("Shared parent", "accounts", "{\"name\":\"Shared parent\"}");
        production = org.seed("Production customer", "accounts", "{\"name\":\"Production customer\",\"accountnumber\":\"A-1\"}");
        theirDeal = org.seed("Their deal", "opportunities", "{\"name\":\"Their deal\"}");
        x1 = org.seed("X1", "contacts", "{\"lastname\":\"X1\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + shared + ")\"}");
        branch = org.seed("Branch", "accounts", "{\"name\":\"Branch\",\"parentaccountid@odata.bind\":\"/accounts(" + shared + ")\"}");
        existingDeal = org.seed("Existing deal", "opportunities", "{\"name\":\"Existing deal\",\"customerid_account@odata.bind\":\"/accounts(" + shared + ")\"}");
        dana = org.seed("Dana", "systemusers", "{\"fullname\":\"Dana\"}");
        salesperson = org.seed("Salesperson", "roles", "{\"name\":\"Salesperson\"}");
        org.pair("systemusers(" + dana + ")", "systemuserroles_association", "roles(" + salesperson + ")");
        org.remember();
    }

    private Dataverse connect() {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", ledgers.toString());
        settings.put("dataverse.existing-rows", "contact:X1=" + x1 + ";account:Branch=" + branch + ";opportunity:Existing deal="
                + existingDeal + ";systemuser:Dana=" + dana + ";role:Salesperson=" + salesperson);
        return Dataverse.connect(LocalOrg.target(settings));
    }

    private void assertSafe() {
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_put_back_an_existing_child_bound_on_create_before_deleting_the_new_parent() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef contact = dv.provide(NewRow.of("contact", "X1"));
            RowRef parent = dv.create(NewRow.of("account", "New1").bindAll("contact_customer_accounts", List.of(contact))).row();
            dv.expect(parent).collection("contact_customer_accounts").contains(contact);
        }
        assertSafe();
    }

    @Test
    void should_put_back_an_existing_child_linked_by_a_raw_ref_post_in_any_spelling() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef parent = dv.create(NewRow.of("account", "New1")).row();
            dv.send("POST", parent.path() + "/contact_customer_accounts/$ref")
                    .body("{\"@odata.id\":\"" + dv.serviceRoot() + "/contacts(" + x1.toString().toUpperCase(Locale.ROOT) + ")\"}").send().isNoContent();
            dv.send("PATCH", "/api/data/v9.0/contacts(" + x1 + ")")
                    .body("{\"parentcustomerid_account@odata.bind\":\"/accounts(" + parent.id() + ")\"}").send().isNoContent();
        }
        assertSafe();
    }

    @Test
    void should_refuse_a_scenario_delete_that_would_cascade_into_an_existing_row() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef contact = dv.provide(NewRow.of("contact", "X1"));
            RowRef parent = dv.create(NewRow.of("account", "New1").bindAll("contact_customer_accounts", List.of(contact))).row();
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.send("DELETE", parent.path()).send());
            assertThat(refused.getMessage(), containsString("would reach rows the run did not create: contact " + x1));
        }
        assertSafe();
    }

    @Test
    void should_leave_the_parent_for_the_sweep_when_putting_an_existing_child_back_fails() {
        Dataverse dataverse = connect();
        DataverseSession dv = dataverse.openSession();
        RowRef contact = dv.provide(NewRow.of("contact", "X1"));
        dv.create(NewRow.of("account", "New1").bindAll("contact_customer_accounts", List.of(contact))).row();
        // WHEN putting X1 back fails once (a passing 500)
        LOCAL.org().service().injectFault(new Fault(500, null, 1));
        IllegalStateException cleanup = assertThrows(IllegalStateException.class, dv::close);
        // THEN the parent is not deleted (it would take X1 with it) and X1 is still there
        assertThat(cleanup.getMessage(), containsString("could not restore contact " + x1));
        assertThat(cleanup.getMessage(), containsString("did not delete account \"New1\""));
        assertThat(LOCAL.org().service().describeState().keySet(), hasItem("contact " + x1));
        // AND once the run has ended, the sweep of its ledger finishes the job
        dataverse.close();
        String runId = dataverse.runLedger().orElseThrow().getFileName().toString().replace(".jsonl", "");
        Sweep.RunReport swept = new Sweep(connect()).dryRun(false).finishRun(runId);
        assertThat(swept.problems(), empty());
        assertSafe();
    }

    @Test
    void should_not_let_the_tag_sweep_cascade_into_an_existing_row_a_dead_run_left_linked() {
        // GIVEN a run that linked X1 under its own account and died without cleaning up
        Dataverse dead = connect();
        DataverseSession dv = dead.openSession();
        RowRef contact = dv.provide(NewRow.of("contact", "X1"));
        dv.create(NewRow.of("account", "New1").bindAll("contact_customer_accounts", List.of(contact))).row();
        dead.close();
        // WHEN the tag sweep deletes every tagged row
        Sweep.Report swept = new Sweep(connect()).olderThan(java.time.Duration.ZERO).dryRun(false).run();
        // THEN it leaves the account (deleting it would take X1 along) and says why
        assertThat(swept.leftovers().get(0).result(), startsWith("left"));
        assertThat(String.join("\n", swept.problems()), containsString("contact " + x1));
        // AND the run's ledger puts X1 back and then removes the account
        String runId = dead.runLedger().orElseThrow().getFileName().toString().replace(".jsonl", "");
        assertThat(new Sweep(connect()).dryRun(false).finishRun(runId).problems(), empty());
        assertSafe();
    }

    @Test
    void should_never_delete_a_row_it_only_named_nor_a_row_bound_next_to_nested_rows() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef deal = dv.provide(NewRow.of("opportunity", "Existing deal"));
            RowRef customer = dv.names().nameRelated(deal, "customerid_account", "Its customer");
            assertThat(customer.id(), equalTo(shared));
            dv.send("POST", "accounts").body("{\"name\":\"Deep\",\"account_parent_account@odata.bind\":[\"/accounts("
                    + branch + ")\"],\"contact_customer_accounts\":[{\"lastname\":\"Nested\"}]}").send().isNoContent();
        }
        assertSafe();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts(accountnumber='A-1')", "accounts(accountid=%s)", "accounts(%S)", "accounts({%s})",
            "accounts%%28%s%%29", "accounts(%s)/", "accounts(%s)?$select=name", "/api/data/v9.0/accounts(%s)",
            "{root}/accounts(%s)", "Accounts(%s)"})
    void should_refuse_to_delete_or_change_a_foreign_row_however_it_is_spelt(String spelling) {
        try (DataverseSession dv = connect().openSession()) {
            String path = String.format(spelling, production).replace("{root}", dv.serviceRoot());
            assertThrows(RefusedRequest.class, () -> dv.send("DELETE", path).send());
            assertThrows(RefusedRequest.class, () -> dv.send("PATCH", path).body("{\"name\":\"Changed\"}").send());
        }
        assertSafe();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A%3F1", "A%231", "A%2F1", "A%251"})
    void should_refuse_a_foreign_row_named_by_an_alternate_key_that_holds_a_reserved_character(String encoded) {
        // GIVEN a foreign account whose number holds a character a URL carries percent-encoded
        String number = java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
        org.seed("Odd number", "accounts", "{\"name\":\"Odd number\",\"accountnumber\":\"" + number + "\"}");
        org.remember();
        try (DataverseSession dv = connect().openSession()) {
            RowRef parent = dv.create(NewRow.of("account", "New1")).row();
            String key = "accounts(accountnumber='" + encoded + "')";
            // WHEN the run would delete, change or link it by that key THEN the guard reads the row the key names
            // (not the row the decoded key would name on the wire) and refuses
            assertThrows(RefusedRequest.class, () -> dv.send("DELETE", key).send());
            assertThrows(RefusedRequest.class, () -> dv.send("PATCH", key).body("{\"name\":\"Changed\"}").send());
            assertThrows(RefusedRequest.class, () -> dv.send("POST", parent.path() + "/account_parent_account/$ref")
                    .body("{\"@odata.id\":\"" + key + "\"}").send());
        }
        assertSafe();
    }

    @Test
    void should_refuse_a_write_to_an_entity_set_followed_by_a_segment_it_cannot_read() {
        try (DataverseSession dv = connect().openSession()) {
            // GIVEN an action bound to the set, whose parameters could name any row of the org
            String action = "accounts/Microsoft.Dynamics.CRM.SomeAction";
            // WHEN the run would send it THEN the guard refuses it unsent: it cannot tell which rows it changes
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.send("POST", action)
                    .body("{\"Target\":{\"@odata.id\":\"accounts(" + production + ")\"}}").send());
            assertThat(refused.getMessage(), containsString("cannot tell which rows '" + action + "' changes"));
        }
        assertSafe();
    }

    @Test
    void should_refuse_a_foreign_row_hidden_behind_json_escapes() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef parent = dv.create(NewRow.of("account", "New1")).row();
            String escaped = theirDeal.toString().chars().mapToObj(c -> String.format("\\u%04x", c))
                    .reduce("", String::concat);
            assertThrows(RefusedRequest.class, () -> dv.send("POST", parent.path() + "/opportunity_customer_accounts/$ref")
                    .body("{\"@odata.id\":\"opportunities(" + escaped + ")\"}").send());
        }
        assertSafe();
    }

    @Test
    void should_put_back_every_lookup_of_an_existing_row_the_run_relinked() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef deal = dv.provide(NewRow.of("opportunity", "Existing deal"));
            RowRef branchRow = dv.provide(NewRow.of("account", "Branch"));
            RowRef mine = dv.create(NewRow.of("account", "Mine")).row();
            dv.rebind(deal).via("customerid_account").to(mine).isNoContent();
            dv.update(branchRow).bind("parentaccountid", mine).send().isNoContent();
            dv.disassociate(deal).via("customerid_account").isNoContent();
            dv.expect(deal).lookup("customerid_account").isEmpty();
        }
        assertSafe();
    }

    @Test
    void should_refuse_column_writes_on_existing_rows_and_links_between_two_foreign_rows() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef deal = dv.provide(NewRow.of("opportunity", "Existing deal"));
            RowRef user = dv.provide(NewRow.of("systemuser", "Dana"));
            RowRef role = dv.provide(NewRow.of("role", "Salesperson"));
            RefusedRequest column = assertThrows(RefusedRequest.class, () -> dv.update(deal).set("name", "x").send());
            assertThat(column.getMessage(), containsString("changes existing opportunity \"Existing deal\" " + existingDeal
                    + " (column values)"));
            RefusedRequest unlink = assertThrows(RefusedRequest.class,
                    () -> dv.disassociate(role).from(user).via("systemuserroles_association").byKeySegment());
            assertThat(unlink.getMessage(), containsString("a run links only rows of its own to others"));
            assertThrows(RefusedRequest.class, () -> dv.rebind(deal).via("customerid_account").to(dv.names().name("Production",
                    "account", production)));
        }
        assertSafe();
    }

    @Test
    void should_own_and_remove_rows_made_by_upsert_and_by_post_to_a_collection_navigation_property() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef parent = dv.create(NewRow.of("account", "New1")).row();
            dv.send("PATCH", "opportunities(" + dv.names().missingId() + ")").body("{\"name\":\"Upserted\"}").send().hasStatus(204);
            dv.send("POST", parent.path() + "/account_parent_account").body("{\"name\":\"Child\"}").send().isNoContent();
            dv.send("POST", "accounts(" + branch + ")/account_parent_account").body("{\"name\":\"Child of existing\"}")
                    .send().isNoContent();
        }
        assertSafe();
    }

    @Test
    void should_send_nothing_and_no_token_to_a_host_that_is_not_the_target() throws Exception {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             DataverseSession dv = connect().openSession()) {
            other.setSoTimeout(300);
            for (String url : List.of("http://127.0.0.1:" + other.getLocalPort() + "/api/data/v9.2/accounts(" + production + ")",
                    dv.serviceRoot().replace("127.0.0.1", "localhost") + "/accounts")) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, () -> dv.send("GET", url).send());
                assertThat(refused.getMessage(), startsWith("refusing to send GET " + url));
            }
            assertThrows(java.net.SocketTimeoutException.class, other::accept); // no connection was ever made
        }
        assertSafe();
    }

    @Test
    void should_refuse_a_whole_batch_unsent_when_one_of_its_requests_would_change_a_foreign_row() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef foreign = new RowRef("Their deal", "opportunity", "opportunities", theirDeal);
            long batchesBefore = batchesSent();
            // the first change set is harmless, the second would point a foreign deal at the run's new account
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.batch()
                    .changeSet(cs -> cs.create(NewRow.of("account", "New1")))
                    .changeSet(cs -> {
                        RowRef mine = cs.create(NewRow.of("account", "New2"));
                        cs.update(foreign).bind("customerid_account", mine).send();
                    }).send());
            assertThat(refused.getMessage(), containsString("opportunity " + theirDeal));
            assertThat("no batch reached the org", batchesSent(), equalTo(batchesBefore));
        }
        assertSafe();
    }

    @Test
    void should_own_the_rows_of_a_committed_change_set_and_nothing_of_a_rolled_back_one() {
        try (DataverseSession dv = connect().openSession()) {
            RowRef contact = dv.provide(NewRow.of("contact", "X1"));
            dv.batch()
                    .changeSet(cs -> {
                        RowRef parent = cs.create(NewRow.of("account", "Committed"));
                        cs.associate(contact).to(parent).via("contact_customer_accounts");
                    })
                    .changeSet(cs -> {
                        RowRef doomed = cs.create(NewRow.of("account", "Rolled back"));
                        cs.rebind(doomed).via("primarycontactid").to(dv.names().missingRow("contact"));
                    })
                    .continueOnError().send()
                    .hasStatus(200).changeSetIsCommitted(1).changeSetIsRolledBack(2);
            dv.expect(dv.row("Committed")).collection("contact_customer_accounts").contains(contact);
            assertThrows(IllegalArgumentException.class, () -> dv.row("Rolled back"));
        }
        assertSafe(); // the existing contact is put back, the committed account deleted, nothing else touched
    }

    @Test
    void should_send_content_ids_of_a_hand_written_batch_that_name_rows_the_guard_chose_and_refuse_unknown_ones() {
        try (DataverseSession dv = connect().openSession()) {
            String changeSet = "--batch_A\r\nContent-Type: multipart/mixed; boundary=cs_B\r\n\r\n"
                    + "--cs_B\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
                    + "POST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\"" + dv.names().storedName("Mine")
                    + "\"}\r\n--cs_B\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
                    + "PUT %s/parentaccountid/$ref HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"@odata.id\":\"%s\"}\r\n"
                    + "--cs_B--\r\n--batch_A--\r\n";
            // a reference to the row the first request creates is checked as that row's URL, and sent as written
            dv.sendBatch(String.format(changeSet, "$1", dv.serviceRoot() + "/accounts(" + branch + ")")).isOk();
            assertThat(LOCAL.org().service().journal().stream().filter(e -> e.target().endsWith("$batch"))
                    .reduce((first, second) -> second).orElseThrow().body(), containsString("PUT $1/parentaccountid/$ref"));
            // a reference the guard cannot resolve stops the batch unsent
            RefusedRequest refused = assertThrows(RefusedRequest.class,
                    () -> dv.sendBatch(String.format(changeSet, "$7", dv.serviceRoot() + "/accounts(" + branch + ")")));
            assertThat(refused.getMessage(), containsString("Content-ID reference '$7'"));
            // and a foreign row named in a hand-written batch is refused as anywhere else
            assertThrows(RefusedRequest.class, () -> dv.sendBatch(String.format(changeSet, "accounts(" + production + ")",
                    dv.serviceRoot() + "/accounts(" + branch + ")")));
        }
        assertSafe();
    }

    private long batchesSent() {
        return LOCAL.org().service().journal().stream().filter(e -> e.target().endsWith("$batch")).count();
    }
}

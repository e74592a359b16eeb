package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The staged batch DSL against the emulator over loopback HTTP: change sets written with the session's verbs. */
class BatchDslTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final Dataverse dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void should_create_and_link_rows_in_one_change_set_by_content_id_and_know_them_by_alias_afterwards() {
        try (DataverseSession dv = dataverse.openSession()) {
            // GIVEN a deal that exists before the batch
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            // WHEN one change set creates an account and a contact, binds, rebinds and associates them
            BatchOutcome sent = dv.batch().changeSet(cs -> {
                RowRef contoso = cs.create(NewRow.of("account", "Contoso"));
                RowRef alice = cs.create(NewRow.of("contact", "Alice").bind("parentcustomerid_account", contoso));
                cs.rebind(contoso).via("primarycontactid").to(alice);
                cs.associate(deal).to(contoso).via("opportunity_customer_accounts");
            }).get("opportunities(" + deal.id() + ")?$select=name").send();
            // THEN the batch and every request succeeded, references went by Content-ID
            sent.isOk();
            sent.part(1).isNoContent();
            sent.part(3).isNoContent();
            sent.part(5).hasStatus(200);
            assertThat(sent.exchange().requestBody(), containsString("PUT $1/primarycontactid/$ref HTTP/1.1"));
            assertThat(sent.exchange().requestBody(), containsString("{\"@odata.id\":\"$2\"}"));
            assertThat(sent.exchange().requestBody(), containsString("\"parentcustomerid_account@odata.bind\":\"$1\""));
            // AND the rows are the session's, by alias, with the links read back
            RowRef contoso = dv.row("Contoso");
            dv.expect(contoso).lookup("primarycontactid").pointsTo(dv.row("Alice"));
            dv.expect(dv.row("Alice")).lookup("parentcustomerid_account").pointsTo(contoso);
            dv.expect(deal).lookup("customerid_account").pointsTo(contoso);
        }
        // AND closing the session removed every row it made, those of the batch included
        assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
    }

    @Test
    void should_report_a_rolled_back_change_set_and_own_nothing_of_it() {
        try (DataverseSession dv = dataverse.openSession()) {
            RowRef ghost = new RowRef("Ghost", "contact", "contacts", UUID.randomUUID());
            // WHEN the last request of a change set names a contact that does not exist
            BatchOutcome sent = dv.batch().changeSet(cs -> {
                RowRef contoso = cs.create(NewRow.of("account", "Contoso"));
                cs.rebind(contoso).via("primarycontactid").to(ghost);
            }).send();
            // THEN the batch answers the failure, the change set was rolled back, both requests carry its error
            sent.hasStatus(404).changeSetIsRolledBack(1);
            assertThat(sent.changeSetRolledBack(), equalTo(true));
            sent.part(1).failsWith(404).withCode("0x80040217");
            sent.part(2).failsWith(404);
            // AND the row the change set would have made is not known, and nothing is left
            assertThrows(IllegalArgumentException.class, () -> dv.row("Contoso"));
            AssertionError error = assertThrows(AssertionError.class, sent::isOk);
            assertThat(error.getMessage(), containsString("batch failed: expected 200 OK but was 404 Not Found"));
        }
        assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
    }

    @Test
    void should_continue_after_a_failure_when_asked_and_say_which_request_was_not_run_otherwise() {
        try (DataverseSession dv = dataverse.openSession()) {
            RowRef ghost = new RowRef("Ghost", "account", "accounts", UUID.randomUUID());
            // WHEN the first of two change sets fails, without continue-on-error
            BatchOutcome stopped = dv.batch()
                    .changeSet(cs -> cs.update(ghost).set("name", "x").send())
                    .changeSet(cs -> cs.create(NewRow.of("account", "Later")))
                    .send();
            // THEN the second never ran, and its outcome says so
            stopped.hasStatus(404);
            IllegalStateException notRun = assertThrows(IllegalStateException.class, () -> stopped.part(2).isNoContent());
            assertThat(notRun.getMessage(), containsString("the batch stopped at an earlier failure"));
            // WHEN the same batch continues on error
            BatchOutcome continued = dv.batch()
                    .changeSet(cs -> cs.update(ghost).set("name", "x").send())
                    .changeSet(cs -> cs.create(NewRow.of("account", "Later")))
                    .continueOnError().send();
            // THEN the batch is 200, the second change set committed and its row is the session's
            continued.hasStatus(200).changeSetIsRolledBack(1);
            continued.part(2).isNoContent();
            dv.expect(dv.row("Later")).exists();
            assertThat(continued.exchange().requestHeaders().get("Prefer"), equalTo("odata.continue-on-error"));
            assertThat(continued.exchange().requestBody(), not(containsString("\n--batch_\n")));
        }
    }

    @Test
    void should_refuse_a_change_set_with_a_verb_that_never_reached_its_last_call_and_send_nothing() {
        try (DataverseSession dv = dataverse.openSession()) {
            // GIVEN an account and a contact
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef alice = dv.create(NewRow.of("contact", "Alice")).row();
            int requestsBefore = emulator.service().journal().size();
            // WHEN a change set begins an update and a rebind but finishes neither
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> dv.batch().changeSet(cs -> {
                cs.update(contoso).bind("primarycontactid", alice);
                cs.rebind(alice).via("parentcustomerid_account");
                cs.associate(alice).to(contoso).via("contact_customer_accounts");
            }));
            // THEN the batch is refused, naming each unfinished verb and its missing call
            assertThat(refused.getMessage(), equalTo("change set 1 of the batch has 2 requests that would be left out "
                    + "of it: cs.update(account \"Contoso\") was never finished with .send(); "
                    + "cs.rebind(contact \"Alice\") was never finished with .via(navigation).to(target). "
                    + "End each verb with its last call, or remove it."));
            // AND nothing was sent
            assertThat(emulator.service().journal().size(), equalTo(requestsBefore));
        }
    }

    @Test
    void should_refuse_to_check_an_outcome_before_the_batch_is_sent() {
        try (DataverseSession dv = dataverse.openSession()) {
            Outcome[] early = new Outcome[1];
            Batch batch = dv.batch().changeSet(cs -> early[0] = cs.send("POST", "accounts", "{\"name\":\"x\"}"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> early[0].isNoContent());
            assertThat(e.getMessage(), containsString("has not been sent yet"));
            batch.send().isOk();
            early[0].isNoContent();
        }
    }

    @Test
    void should_disassociate_in_every_form_and_replace_parties_inside_one_change_set_as_outside_a_batch() {
        try (DataverseSession dv = dataverse.openSession()) {
            // GIVEN an account with two contacts, a deal with a competitor and a customer, and an email
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef ann = dv.create(NewRow.of("contact", "Ann").bind("parentcustomerid_account", contoso)).row();
            RowRef bob = dv.create(NewRow.of("contact", "Bob").bind("parentcustomerid_account", contoso)).row();
            RowRef rival = dv.create(NewRow.of("competitor", "Rival")).row();
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal").bind("customerid_account", contoso)).row();
            dv.associate(rival).to(deal).via("opportunitycompetitors_association").isNoContent();
            RowRef mail = dv.create(NewRow.of("email", "Offer").withParty(Party.of(Participation.TO, ann))).row();
            // WHEN one change set uses the three disassociate forms and replaces the email's parties
            BatchOutcome sent = dv.batch().changeSet(cs -> {
                cs.disassociate(ann).from(contoso).via("contact_customer_accounts").byIdQuery();
                cs.disassociate(bob).from(contoso).via("contact_customer_accounts").byKeySegment();
                cs.disassociate(rival).from(deal).via("opportunitycompetitors_association").byIdQuery();
                cs.disassociate(deal).via("customerid_account");
                cs.replaceParties(mail).with(Participation.TO, bob).send();
            }).send();
            // THEN every request answered as it does outside a batch, and the state reads back the same way
            sent.isOk().changeSetIsCommitted(1);
            for (int part = 1; part <= 5; part++) {
                sent.part(part).isNoContent();
            }
            dv.expect(contoso).collection("contact_customer_accounts").isEmpty();
            dv.expect(deal).collection("opportunitycompetitors_association").isEmpty();
            dv.expect(deal).lookup("customerid_account").isEmpty();
            dv.expect(mail).parties().are(Party.of(Participation.TO, bob));
        }
    }
}

package com.example.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.ReferenceForm;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The DSL from plain JUnit 5, without Cucumber, against an embedded emulator, from outside the library's packages (the
 * README's own samples run verbatim in src/it/consumer-from-readme).
 */
class PublicApiUsageTest {

    private static DataverseEmulator emulator;
    private static Dataverse dataverse;

    @BeforeAll
    static void start() {
        emulator = DataverseEmulator.builder().start();
        dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void should_delete_every_created_row_on_close_including_deep_inserted_ones() {
        int before = emulator.service().rowCount();
        try (DataverseSession dv = dataverse.openSession()) {
            // WHEN an account is created with a bound contact and an opportunity with a task inside it
            RowRef ann = dv.create(NewRow.of("contact", "Ann")).row();
            dv.create(NewRow.of("account", "Sample").bind("primarycontactid", ann)
                    .insert("opportunity_customer_accounts", NewRow.of("opportunity", "Deal")
                            .insert("Opportunity_Tasks", NewRow.of("task", "Call")))).outcome().isNoContent();
            // THEN the nested rows are known by alias and counted
            assertThat(dv.row("Call").table(), equalTo("task"));
            assertThat(emulator.service().rowCount(), equalTo(before + 4));
        }
        // THEN closing the session removed all four
        assertThat(emulator.service().rowCount(), equalTo(before));
    }

    @Test
    void should_delete_the_rows_a_raw_deep_insert_made_even_those_no_cascade_reaches() {
        int before = emulator.service().rowCount();
        try (DataverseSession dv = dataverse.openSession()) {
            // WHEN a raw POST deep-inserts and binds an existing contact
            RowRef ann = dv.create(NewRow.of("contact", "Ann")).row();
            dv.send("POST", "accounts").body("{\"name\":\"Raw\",\"primarycontactid\":{\"lastname\":\"Nested\"},"
                    + "\"contact_customer_accounts@odata.bind\":[\"/contacts(" + ann.id() + ")\"],"
                    + "\"opportunity_customer_accounts\":[{\"name\":\"Deal\",\"Opportunity_Tasks\":[{\"subject\":\"Call\"}]}]}")
                    .send().isNoContent();
            // THEN the session knows the rows it made, and links read back
            assertThat(emulator.service().rowCount(), equalTo(before + 5));
            dv.names().nameLastCreated("Raw");
            dv.expect(dv.row("Raw")).collection("contact_customer_accounts").contains(ann);
        }
        // THEN closing removed them, the contact unlinked first
        assertThat(emulator.service().rowCount(), equalTo(before));
    }

    @Test
    void should_fail_with_the_whole_story_and_a_hint() {
        try (DataverseSession dv = dataverse.openSession()) {
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            // WHEN the navigation property is misspelt THEN the failure tells the whole story and hints the right name
            AssertionFailedError error = assertThrows(AssertionFailedError.class,
                    () -> dv.associate(deal).to(contoso).via("opportunity_customer_acounts").isNoContent());
            assertThat(error.getMessage(), startsWith("associate failed: expected 204 No Content but was 400 Bad Request\n"
                    + "  doing:   associate opportunity \"Big deal\" to account \"Contoso\" via opportunity_customer_acounts\n"
                    + "  target:  embedded emulator at " + emulator.baseUri() + " (api v9.2)\n"));
            assertThat(error.getMessage(), containsString("hint: 'opportunity_customer_acounts' is not a navigation "
                    + "property of account"));
        }
    }

    @Test
    void should_check_dataverse_errors_by_status_code_and_message() {
        try (DataverseSession dv = dataverse.openSession()) {
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            RowRef rival = dv.create(NewRow.of("competitor", "Rival")).row();
            // WHEN the same N:N pair is associated twice THEN 412 0x80040237, and a wrong expected code is shown
            dv.associate(rival).to(deal).via("opportunitycompetitors_association").isNoContent();
            dv.associate(rival).to(deal).via("opportunitycompetitors_association").failsWith(412).withCode("0x80040237")
                    .withMessageContaining("duplicate");
            AssertionFailedError wrongCode = assertThrows(AssertionFailedError.class, () -> dv.associate(rival).to(deal)
                    .via("opportunitycompetitors_association").failsWith(412).withCode("0x0"));
            assertThat(wrongCode.getMessage(), startsWith("associate failed: expected error code 0x0 but was error code "
                    + "0x80040237"));
        }
    }

    @Test
    void should_explain_misspelt_aliases_tables_and_navigation_properties() {
        try (DataverseSession dv = dataverse.openSession()) {
            // WHEN an alias, a table or a navigation property is misspelt THEN each message names what there is
            dv.create(NewRow.of("account", "Contoso")).row();
            assertThat(assertThrows(IllegalArgumentException.class, () -> dv.row("Contosso")).getMessage(),
                    equalTo("no row called \"Contosso\" in this scenario; known: [account \"Contoso\"]"));
            assertThat(assertThrows(IllegalArgumentException.class, () -> dv.row("contact", "Contoso")).getMessage(),
                    equalTo("no contact called \"Contoso\" in this scenario (but account \"Contoso\"); known: [account \"Contoso\"]"));
            assertThat(assertThrows(IllegalArgumentException.class, () -> dv.names().requireTable("acount")).getMessage(),
                    startsWith("the target has no table 'acount'; did you mean 'account'?"));
            assertThat(assertThrows(IllegalArgumentException.class, () -> dv.names().requireNavigation("customerid_acount"))
                    .getMessage(), startsWith("no table of the target has a navigation property 'customerid_acount'; did "
                    + "you mean 'customerid_account'?"));
        }
    }

    @Test
    void should_send_each_reference_form() {
        try (DataverseSession dv = dataverse.openSession()) {
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            // WHEN references are sent relative THEN refused by default, accepted under the switch, and sent as such
            dv.useReferenceForm(ReferenceForm.RELATIVE);
            dv.rebind(deal).via("customerid_account").to(contoso).failsWith(400);
            dv.behaviours().switchTo("relative-odata-id", "accept");
            dv.rebind(deal).via("customerid_account").to(contoso).isNoContent();
            assertThat(dv.lastExchange().requestBody(), equalTo("{\"@odata.id\":\"accounts(" + contoso.id() + ")\"}"));
            // WHEN the documented forms are restored THEN an unbind is sent as @odata.bind: null
            dv.useReferenceForm(null);
            dv.update(deal).unbindWithBindAnnotation("customerid_account").send().isNoContent();
            assertThat(dv.lastExchange().requestBody(), equalTo("{\"customerid_account@odata.bind\":null}"));
        }
    }
}

package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dv.fetch(xml)} against the emulator over loopback HTTP: rows, paging with the cookie, failure messages. */
class FetchXmlDslTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final Dataverse dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void should_read_rows_check_them_and_page_through_them_with_the_paging_cookie() {
        try (DataverseSession dv = dataverse.openSession()) {
            // GIVEN an account with 12 contacts and an account without
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef fabrikam = dv.create(NewRow.of("account", "Fabrikam")).row();
            for (int i = 0; i < 12; i++) {
                dv.create(NewRow.of("contact", "C" + i).bind("parentcustomerid_account", contoso));
            }
            String accounts = "<fetch><entity name='account'><attribute name='name'/><filter>"
                    + "<condition attribute='accountid' operator='in'><value>" + contoso.id() + "</value><value>"
                    + fabrikam.id() + "</value></condition></filter></entity></fetch>";
            // WHEN read THEN both accounts, each with its name
            FetchXmlRows rows = dv.fetch(accounts).rows().hasRows(2).contains(contoso, fabrikam);
            rows.containsRow(Map.of("accountid", contoso.id().toString().toUpperCase()));
            // AND paged 5 at a time THEN 12 contacts in 3 pages
            dv.fetch("<fetch><entity name='contact'><attribute name='lastname'/><order attribute='contactid'/><filter>"
                    + "<condition attribute='parentcustomerid' operator='eq' value='" + contoso.id() + "'/></filter>"
                    + "</entity></fetch>").pageThrough(5).hasRows(12).tookPages(3);
            // AND a wrong expectation fails naming the rows the query returned, by alias
            AssertionError wrong = assertThrows(AssertionError.class, () -> dv.fetch(accounts).rows().hasRows(3));
            assertThat(wrong.getMessage(), containsString("3 rows"));
            AssertionError missing = assertThrows(AssertionError.class, () -> dv.fetch(accounts.replace(
                    "<value>" + fabrikam.id() + "</value>", "")).rows().contains(fabrikam));
            assertThat(missing.getMessage(), containsString("Fabrikam"));
            assertThat(missing.getMessage(), containsString("fetchXml="));
        }
        assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
    }

    @Test
    void should_refuse_text_that_is_not_a_fetch_before_sending_it() {
        try (DataverseSession dv = dataverse.openSession()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> dv.fetch("<entity name='account'/>"));
            assertThat(refused.getMessage(), containsString("<fetch>"));
        }
    }
}

package dev.dataversebdd.dsl;

import static dev.dataversebdd.golden.GoldenFiles.assertGolden;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.core.Fault;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * One golden file per kind of failure, each produced by real DSL calls against the embedded emulator: a change to
 * any of the classes that build a message (report, hints, formatter, redaction) shows up as a diff here.
 */
class FailureMessageGoldenTest {

    private static final String STEP = "features/golden.feature:7";

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final DataverseSession dv = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator,
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(5)))).openSession().at(STEP);
    private final RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
    private final RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();

    @AfterEach
    void stop() {
        dv.close();
        emulator.close();
    }

    private static String failureOf(Executable check) {
        return assertThrows(AssertionError.class, check).getMessage();
    }

    @Test
    void should_explain_a_misspelt_navigation_property_with_the_closest_name() {
        // WHEN the README's headline mistake is made
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> dv.associate(deal).to(contoso).via("opportunity_customer_acounts").isNoContent());
        // THEN the hint names the navigation property that was meant, and expected/actual travel as data
        assertGolden("associate-misspelt-navigation.txt", error.getMessage());
        assertThat(error.getExpected().getValue(), equalTo("204 No Content"));
        assertThat(error.getActual().getValue(), equalTo("400 Bad Request"));
    }

    @Test
    void should_suggest_the_navigation_property_of_a_misspelt_bind_in_a_raw_patch() {
        assertGolden("raw-patch-misspelt-bind.txt", failureOf(() -> dv.send("PATCH", deal.path())
                .body("{\"customerid_acount@odata.bind\":\"/accounts(" + contoso.id() + ")\"}").send().isNoContent()));
    }

    @Test
    void should_show_a_wrong_status() {
        assertGolden("wrong-status.txt", failureOf(() -> dv.disassociate(deal).via("customerid_account").failsWith(404)));
    }

    @Test
    void should_decode_the_dataverse_error_of_a_missing_row() {
        RowRef gone = dv.names().name("Gone", "account", dv.names().missingId());
        assertGolden("dataverse-error.txt", failureOf(() -> dv.associate(deal).to(gone)
                .via("opportunity_customer_accounts").isNoContent()));
    }

    @Test
    void should_show_a_wrong_error_code() {
        RowRef gone = dv.names().name("Gone", "account", dv.names().missingId());
        assertGolden("wrong-error-code.txt", failureOf(() -> dv.associate(deal).to(gone)
                .via("opportunity_customer_accounts").failsWith(404).withCode("0x0")));
    }

    @Test
    void should_list_the_known_rows_for_a_misspelt_alias() {
        assertGolden("misspelt-alias.txt", assertThrows(IllegalArgumentException.class,
                () -> dv.row("account", "Contosso")).getMessage());
    }

    @Test
    void should_show_the_read_back_of_a_lookup() {
        assertGolden("read-back-lookup.txt", failureOf(() -> dv.expect(deal).lookup("customerid_account").pointsTo(contoso)));
    }

    @Test
    void should_show_the_read_back_of_a_collection() {
        assertGolden("read-back-collection.txt", failureOf(() -> dv.expect(contoso)
                .collection("opportunity_customer_accounts").contains(deal)));
    }

    @Test
    void should_show_the_read_back_of_the_parties() {
        RowRef ann = dv.create(NewRow.of("contact", "Ann")).row();
        RowRef mail = dv.create(NewRow.of("email", "Offer")).row();
        dv.replaceParties(mail).with(Participation.TO, ann).send().isNoContent();
        assertGolden("read-back-parties.txt", failureOf(() -> dv.expect(mail).parties()
                .are(Party.of(Participation.CC, ann))));
    }

    @Test
    void should_show_the_answer_after_the_retries_of_a_429() {
        emulator.service().injectFault(new Fault(429, 0, 2));
        assertGolden("retried-429.txt", failureOf(() -> dv.rebind(deal).via("customerid_account").to(contoso).isNoContent()));
        emulator.service().clearFaults();
    }
}

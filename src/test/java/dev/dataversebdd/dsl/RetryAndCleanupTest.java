package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.core.Fault;
import dev.dataversebdd.emulator.core.JournalEntry;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling is ridden out with Retry-After, bounded; cleanup failures are reported, not swallowed. */
class RetryAndCleanupTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Dataverse connect(RetryPolicy policy) {
        return Dataverse.connect(EmbeddedEmulatorTarget.of(emulator, policy));
    }

    @Test
    void should_honour_retry_after_and_succeed_within_the_retry_budget() {
        try (DataverseSession dv = connect(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1))).openSession()) {
            // GIVEN two throttled answers and a budget of three retries
            emulator.service().injectFault(new Fault(429, 0, 2));
            // WHEN a row is created THEN it took three POSTs, and the row exists
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            List<JournalEntry> journal = emulator.service().journal();
            assertThat(journal.stream().filter(e -> e.method().equals("POST")).map(JournalEntry::status).toList(),
                    equalTo(List.of(429, 429, 204)));
            dv.expect(contoso).exists();
        }
    }

    @Test
    void should_give_up_after_the_retry_budget_and_show_the_throttling_answer() {
        try (DataverseSession dv = connect(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1))).openSession()) {
            // GIVEN three throttled answers and a budget of one retry
            emulator.service().injectFault(new Fault(429, 0, 3));
            // WHEN a row is created THEN the failure shows the 429 and its message
            AssertionError error = assertThrows(AssertionError.class, () -> dv.create(NewRow.of("account", "A")).row());
            assertThat(error.getMessage(), containsString("but was 429 Too Many Requests"));
            assertThat(error.getMessage(), containsString("Number of requests exceeded the limit"));
            emulator.service().clearFaults();
        }
    }

    @Test
    void should_not_retry_a_post_on_503_because_it_may_have_been_applied() {
        try (DataverseSession dv = connect(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1))).openSession()) {
            // GIVEN one 503: a POST may have been applied, so it is not retried
            emulator.service().injectFault(new Fault(503, 0, 1));
            dv.create(NewRow.of("account", "A")).outcome().failsWith(503);
        }
    }

    @Test
    void should_report_what_cleanup_could_not_remove() {
        DataverseSession dv = connect(RetryPolicy.NONE).openSession();
        dv.create(NewRow.of("account", "Contoso")).row();
        // GIVEN a row, and a service that answers 503 to everything after it
        emulator.service().injectFault(new Fault(503, null, 5));
        // WHEN the session closes THEN it says which row it could not delete, and why
        IllegalStateException error = assertThrows(IllegalStateException.class, dv::close);
        assertThat(error.getMessage(), containsString("cleanup left work undone on embedded emulator"));
        assertThat(error.getMessage(), containsString("could not delete account \"Contoso\""));
        assertThat(error.getMessage(), containsString("503 Service Unavailable"));
    }
}

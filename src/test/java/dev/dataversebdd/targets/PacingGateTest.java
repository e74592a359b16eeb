package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import dev.dataversebdd.emulator.core.limits.Tally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's gate against a throttled stand-in org (the emulator with its service protection limits on, behind a
 * bearer token from a real OAuth endpoint): 8 threads, one gate, and not one request sent while the org said to wait.
 */
class PacingGateTest {

    @TempDir
    Path folder;
    private LocalOrg local;

    @BeforeEach
    void start() throws Exception {
        local = new LocalOrg(folder, 3600);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private Map<String, String> throttled(String limits) {
        local.org.service().serviceProtection(ServiceProtection.parse(limits));
        Map<String, String> settings = local.settings();
        settings.put("dataverse.parallelism", "8");
        return settings;
    }

    private Tally tally() {
        return local.org.service().serviceProtectionTally().orElseThrow();
    }

    @Test
    void should_send_nothing_during_a_penalty_and_leave_nothing_behind_with_8_threads_on_one_gate() throws Exception {
        // GIVEN an org that allows 40 requests in a 300-s window run 100 times faster (3 s), and a run of 8 threads
        Map<String, String> settings = throttled("requests=40,window=300s,time-scale=0.01");
        settings.put("dataverse.max-wait", "60s");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> scenarios = new ArrayList<>();
            // WHEN each thread runs 4 scenarios that create two rows, associate them and clean up
            for (int i = 0; i < 32; i++) {
                int n = i;
                scenarios.add(threads.submit(() -> {
                    try (DataverseSession dv = dataverse.openSession()) {
                        RowRef account = dv.create(NewRow.of("account", "Paced " + n)).row();
                        RowRef deal = dv.create(NewRow.of("opportunity", "Deal " + n)).row();
                        dv.associate(deal).to(account).via("opportunity_customer_accounts").isNoContent();
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }));
            }
            for (Future<?> scenario : scenarios) {
                scenario.get(120, TimeUnit.SECONDS);
            }
            threads.shutdown();
            String summary = dataverse.pacingSummary().orElseThrow();
            dataverse.close();
            // THEN the org did throttle the run, yet no request came while it said to wait, and no scenario failed
            assertThat(failures, empty());
            assertThat("429s the org answered", tally().refused(), greaterThan(0L));
            assertThat("requests sent during a penalty", tally().duringPenalty(), equalTo(0L));
            assertThat(summary, containsString("answered 429"));
            System.out.println("8 threads, 32 scenarios: " + summary + "; org: " + tally());
            // AND the run's cleanup outlived the throttling: nothing of it is left in the org
            assertThat(local.org.service().rowCount(), equalTo(local.org.service().startupRowCount()));
            assertThat(local.org.service().pairCount(), equalTo(0L));
        }
        // AND the penalty is in the machine's pacing file, for the other JVMs of the run
        assertThat(Files.readString(folder.resolve("pacing.state")).trim().matches("\\d+"), equalTo(true));
    }

    @Test
    void should_fail_with_a_clear_message_instead_of_hanging_once_the_wait_would_pass_the_maximum() {
        // GIVEN an org whose penalty is longer than the run may wait
        Map<String, String> settings = throttled("requests=2,window=300s,time-scale=0.1");
        settings.put("dataverse.max-wait", "2s");
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            try (DataverseSession dv = dataverse.openSession()) {
                // WHEN the run goes on past the limit THEN it stops, saying what waited, how long and what to change
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                    for (int i = 0; i < 4; i++) {
                        dv.create(NewRow.of("account", "Over " + i));
                    }
                });
                assertThat(e.getMessage(), containsString("longer than the run's maximum wait of 2 s"));
                assertThat(e.getMessage(), containsString("dataverse.max-wait"));
            } catch (RuntimeException cleanupStillThrottled) {
                // the session's cleanup meets the same penalty; the ledger sweep finishes it (RunSweep)
            }
            assertThat(tally().duringPenalty(), equalTo(0L));
        }
    }

    @Test
    void should_retry_a_passing_503_of_a_read_after_a_jittered_backoff() {
        // GIVEN a stand-in that answers one 503
        Map<String, String> settings = throttled("on");
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            local.org.service().injectFault(new dev.dataversebdd.emulator.core.Fault(503, null, 1));
            try (DataverseSession dv = dataverse.openSession()) {
                // WHEN a read meets a 503 THEN it is retried after a jittered backoff and succeeds
                dv.send("GET", "accounts").send().hasStatus(200);
            }
            assertThat(dataverse.pacingSummary().orElseThrow(), containsString("1 backoffs for 502/503"));
        }
    }
}

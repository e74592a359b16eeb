package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Sweep;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.Fault;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup against a throttled stand-in org: it waits out a penalty, and one it cannot wait out it leaves to the sweep, by name. */
class ThrottledCleanupTest {

    @TempDir
    Path folder;
    private LocalOrg local;

    @BeforeEach
    void start() throws Exception {
        local = new LocalOrg(folder, 3600);
        local.org.service().serviceProtection(ServiceProtection.parse("on"));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void should_wait_out_a_penalty_during_cleanup_and_leave_nothing_behind() {
        Map<String, String> settings = local.settings();
        settings.put("dataverse.max-wait", "10s");
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            DataverseSession dv = dataverse.openSession();
            dv.create(NewRow.of("account", "Kept apart"));
            dv.create(NewRow.of("contact", "Kept apart too"));
            // GIVEN the org says to wait 2 s just as cleanup starts
            local.org.service().injectFault(Fault.serviceProtection(2));
            // WHEN the session closes THEN its cleanup waits and finishes: nothing left, no request sent during the wait
            dv.close();
            dataverse.close();
        }
        assertThat(local.org.service().rowCount(), equalTo(local.org.service().startupRowCount()));
        assertThat(local.org.service().serviceProtectionTally().orElseThrow().duringPenalty(), equalTo(0L));
    }

    @Test
    void should_name_what_the_sweep_will_remove_when_the_penalty_outlasts_the_maximum_wait_and_the_sweep_removes_it()
            throws Exception {
        Map<String, String> settings = local.settings();
        settings.put("dataverse.max-wait", "2s");
        settings.put("dataverse.run-tag", "dvbdd-20261202T010000Z-c1ea");
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            DataverseSession dv = dataverse.openSession();
            dv.create(NewRow.of("account", "Left account"));
            dv.create(NewRow.of("contact", "Left contact"));
            // GIVEN the org says to wait 30 s as cleanup starts, and the run may wait 2 s
            local.org.service().injectFault(Fault.serviceProtection(30));
            // WHEN the session closes THEN it stops at once and names every row the sweep will delete, and how
            IllegalStateException e = assertThrows(IllegalStateException.class, dv::close);
            assertThat(e.getMessage(), containsString("longer than the run's maximum wait of 2 s"));
            assertThat(Arrays.stream(e.getMessage().split("\n")).filter(line -> line.contains("left for the sweep: delete"))
                    .toList(), hasSize(2));
            assertThat(e.getMessage(), containsString("Left account"));
            assertThat(e.getMessage(), containsString("Left contact"));
            assertThat(e.getMessage(), containsString("sweep --run dvbdd-20261202T010000Z-c1ea --delete"));
            dataverse.close();
        }
        // AND once the penalty is over, the sweep of the ledger removes exactly those rows
        // (the org forgets it; the machine's pacing file still says to wait, and is dropped as 30 s would drop it)
        local.org.service().serviceProtection(ServiceProtection.parse("on"));
        java.nio.file.Files.delete(folder.resolve("pacing.state"));
        try (Target target = LocalOrg.target(settings)) {
            Sweep.RunReport report = new Sweep(Dataverse.connect(target)).dryRun(false).finishRun("dvbdd-20261202T010000Z-c1ea");
            assertThat(report.problems(), empty());
            assertThat(report.done(), hasSize(2));
        }
        assertThat(local.org.service().rowCount(), equalTo(local.org.service().startupRowCount()));
    }
}

package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.dataversebdd.cli.SweepCommandAccess;
import dev.dataversebdd.emulator.core.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live run killed with SIGKILL in the middle of its scenarios (semantic steps, raw requests, deep inserts, binds
 * on create and update, existing rows relinked): the documented sweep command, given the run's id, then removes
 * every row the run left and puts back every existing row it changed, and touches nothing else.
 */
class LiveRunKillTest {

    private static final int SEEDED = 3 + 1; // the seeded rows and the emulator's caller

    private final LocalOrgExtension local = new LocalOrgExtension();

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws Exception {
        local.beforeAll(null);
    }

    @AfterEach
    void stop() throws Exception {
        local.afterAll(null);
    }

    @ParameterizedTest(name = "killed after {1} writes in {0}")
    @CsvSource({
            "features/bind-on-create features/update-bind, 25",
            "features/associate features/activity-parties features/rebind, 40"})
    void should_leave_nothing_of_a_killed_run_after_the_sweep(String features, int writesBeforeKill) throws Exception {
        // GIVEN an org with rows of its own, two of them named as existing rows the scenarios use
        StandInOrg org = new StandInOrg(local);
        org.seed("Untouched", "accounts", "{\"name\":\"Untouched\"}");
        String contoso = org.seed("Contoso", "accounts", "{\"name\":\"Contoso\"}").toString();
        String ann = org.seed("Ann", "contacts", "{\"lastname\":\"Ann\"}").toString();
        org.remember();
        Map<String, String> settings = local.settings();
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        settings.put("dataverse.run-tag", "dvbdd-20261129T000000Z-" + Long.toHexString(System.nanoTime()).substring(0, 6));
        settings.put("dataverse.existing-rows", "account:Contoso=" + contoso + ";contact:Ann=" + ann);
        local.org().service().latency(Duration.ofMillis(3)); // spreads the run out, so the kill lands mid-scenario

        // WHEN the run is killed half-way
        Process run = start(settings, features.split(" "));
        waitForWrites(run, writesBeforeKill);
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        local.org().service().latency(Duration.ZERO);
        assertThat("rows the killed run left", local.org().service().rowCount(), greaterThan(SEEDED));

        // AND the README's sweep command is run for it
        String runId = settings.get("dataverse.run-tag");
        settings.forEach(System::setProperty);
        int status;
        try {
            status = SweepCommandAccess.run("--run", runId, "--delete");
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }

        // THEN nothing of the run is left, and the org's own rows are as they were
        assertThat(status, equalTo(0));
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    private Process start(Map<String, String> settings, String[] features) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(LiveSuiteMain.class.getName());
        command.addAll(List.of(features));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("run.log").toFile()).start();
    }

    private void waitForWrites(Process run, int writes) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            long seen = local.org().service().journal().stream().map(JournalEntry::method).filter(m -> !m.equals("GET")).count();
            if (seen >= writes && local.org().service().rowCount() > SEEDED + 1) { // mid-scenario: its rows exist
                assertThat("the run was still going when it was killed:\n" + Files.readString(folder.resolve("run.log")),
                        run.isAlive(), equalTo(true));
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the run never made " + writes + " writes:\n" + Files.readString(folder.resolve("run.log")));
    }
}

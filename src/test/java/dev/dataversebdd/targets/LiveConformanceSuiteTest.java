package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.dataversebdd.emulator.core.JournalEntry;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.report.LeakScan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The whole conformance suite in live mode: the emulator stands in for an org (bearer token required, reached by
 * URL), tokens come from a real OAuth endpoint on loopback through MSAL4J. At the end the "org" holds no row the
 * run created, every request carried a token, and no token reached the reports.
 */
class LiveConformanceSuiteTest {

    @Test
    void should_pass_the_suite_in_live_mode_and_leave_nothing_behind(@TempDir Path folder) throws Exception {
        try (LocalOrg local = new LocalOrg(folder, 3600)) {
            DataverseEmulator org = local.org;
            // GIVEN a stand-in org with its own rows: its caller, and the units and users the security scenarios act as
            OrgPrincipals principals = OrgPrincipals.seed(org.service(), local.endpoint::isValid);
            java.util.SortedMap<String, String> before = org.service().describeState();
            int rowsBefore = org.service().rowCount();
            org.service().clearJournal(); // the seeding went straight to the core, as the org's administrator would
            Map<String, String> settings = local.settings();
            settings.put("dataverse.existing-rows", principals.existingRows());
            // WHEN the whole suite runs against it in live mode
            TestExecutionSummary summary = runFeatures(folder, settings);
            // THEN every scenario passes or, if it needs the emulator, is skipped; the org holds exactly its own rows; every request carried a token; no token reached the reports
            assertThat(failures(summary), summary.getTotalFailureCount(), equalTo(0L));
            assertThat(summary.getTestsSucceededCount(), greaterThan(100L));
            // the scenarios that switch emulator behaviours are skipped on a live org, not failed
            assertThat(OUTCOMES.emulatorOnly, greaterThan(0));
            assertThat("every @emulator-only scenario skipped, and nothing else", OUTCOMES.abortedEmulatorOnly,
                    equalTo(OUTCOMES.emulatorOnly));
            assertThat(summary.getTestsAbortedCount(), equalTo((long) OUTCOMES.emulatorOnly));
            assertThat("rows left in the org", org.service().rowCount(), equalTo(rowsBefore));
            assertThat("the org's own rows, field by field", org.service().describeState(), equalTo(before));
            List<JournalEntry> journal = org.service().journal();
            assertThat(journal.stream().filter(e -> !"Bearer ***".equals(e.headers().get("Authorization"))).toList(), empty());
            assertThat(journal.stream().filter(e -> e.status() == 401).toList(), empty());
            assertThat(new LeakScan(List.of(LocalOrg.SECRET)).scan(folder.resolve("cucumber")), empty());
        }
    }

    /**
     * Every alias the suite's Given steps use is an existing org row here, so scenarios use the org's rows instead of
     * creating their own, and many of them cannot be done safely and fail (refused). Whatever they do, every one of
     * those rows must come out as it was, field by field and link by link, and the run must leave nothing behind.
     */
    @Test
    void should_leave_every_existing_row_as_it_was_when_the_suite_uses_them_all(@TempDir Path folder) throws Exception {
        LocalOrgExtension local = new LocalOrgExtension();
        local.beforeAll(null);
        try {
            // GIVEN every alias the suite's Given steps use as an existing row of the org
            StandInOrg org = new StandInOrg(local);
            List<String> existing = new java.util.ArrayList<>();
            java.util.Set<String> aliases = new java.util.HashSet<>();
            for (String[] given : givenRows()) {
                String table = given[0];
                String alias = given[1];
                String set = ENTITY_SETS.get(table);
                if (set != null && aliases.add(alias)) {
                    String json = "{\"" + NAME_COLUMNS.get(table) + "\":\"" + alias.replace("\"", "") + "\"}";
                    existing.add(table + ":" + alias + "=" + org.seed(alias, set, json));
                }
            }
            org.remember();
            Map<String, String> settings = local.settings();
            settings.put("dataverse.existing-rows", String.join(";", existing));
            settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
            // WHEN the suite runs against it THEN each of those rows comes out as it was, and nothing is left behind
            TestExecutionSummary summary = runFeatures(folder, settings);
            assertThat(existing.size(), greaterThan(10));
            assertThat(summary.getTestsStartedCount(), greaterThan(100L));
            org.assertUntouched();
            org.assertNothingLeftBehind();
        } finally {
            local.afterAll(null);
        }
    }

    private static final Map<String, String> ENTITY_SETS = Map.of("account", "accounts", "contact", "contacts",
            "opportunity", "opportunities", "competitor", "competitors", "email", "emails", "task", "tasks",
            "systemuser", "systemusers", "role", "roles");
    private static final Map<String, String> NAME_COLUMNS = Map.of("account", "name", "contact", "lastname",
            "opportunity", "name", "competitor", "name", "email", "subject", "task", "subject", "systemuser", "fullname",
            "role", "name");

    /** {table, alias} of every plain {@code Given a(n) <table> "<alias>"} step in features/. */
    private static List<String[]> givenRows() throws java.io.IOException {
        java.util.regex.Pattern given = java.util.regex.Pattern.compile("^\\s*(?:Given|And|But)\\s+an?\\s+(\\w+)\\s+\"([^\"]+)\"\\s*$");
        List<String[]> rows = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(Path.of("features"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    java.util.regex.Matcher m = given.matcher(line);
                    if (m.matches()) {
                        rows.add(new String[] {m.group(1), m.group(2)});
                    }
                }
            }
        }
        return rows;
    }

    /** Runs the suite in this JVM with {@code settings} as system properties, as {@code -D} would give them. */
    private static TestExecutionSummary runFeatures(Path folder, Map<String, String> settings) {
        settings.forEach(System::setProperty);
        try {
            return runFeatures(folder);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private static TestExecutionSummary runFeatures(Path folder) {
        LauncherDiscoveryRequest request = request()
                .selectors(selectDirectory("features"))
                .filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines, "
                        + "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm, json:"
                        + folder.resolve("cucumber/live.json") + ", html:" + folder.resolve("cucumber/live.html"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        OUTCOMES.emulatorOnly = 0;
        OUTCOMES.abortedEmulatorOnly = 0;
        LauncherFactory.create().execute(request, listener, OUTCOMES);
        return listener.getSummary();
    }

    /** Counts the scenarios tagged @emulator-only and those of them that were skipped (aborted). */
    private static final class TagOutcomes implements org.junit.platform.launcher.TestExecutionListener {
        int emulatorOnly;
        int abortedEmulatorOnly;

        @Override
        public void executionFinished(org.junit.platform.launcher.TestIdentifier test,
                                      org.junit.platform.engine.TestExecutionResult result) {
            if (test.isTest() && test.getTags().stream().anyMatch(t -> t.getName().equals("emulator-only"))) {
                emulatorOnly++;
                if (result.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.ABORTED) {
                    abortedEmulatorOnly++;
                }
            }
        }
    }

    private static final TagOutcomes OUTCOMES = new TagOutcomes();

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 5);
        return text.toString();
    }
}

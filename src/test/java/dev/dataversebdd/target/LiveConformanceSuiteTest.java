package dev.dataversebdd.target;

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
            Map<String, String> settings = local.settings();
            settings.forEach(System::setProperty);
            TestExecutionSummary summary;
            try {
                summary = runFeatures(folder);
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
            assertThat(failures(summary), summary.getTotalFailureCount(), equalTo(0L));
            assertThat(summary.getTestsSucceededCount(), greaterThan(100L));
            assertThat("rows left in the org", org.service().rowCount(), equalTo(0));
            List<JournalEntry> journal = org.service().journal();
            assertThat(journal.stream().filter(e -> !"Bearer ***".equals(e.headers().get("Authorization"))).toList(), empty());
            assertThat(journal.stream().filter(e -> e.status() == 401).toList(), empty());
            assertThat(new LeakScan(List.of(LocalOrg.SECRET)).scan(folder.resolve("cucumber")), empty());
        }
    }

    private static TestExecutionSummary runFeatures(Path folder) {
        LauncherDiscoveryRequest request = request()
                .selectors(selectDirectory("features"))
                .filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.filter.tags", "not @emulator-only")
                .configurationParameter("cucumber.plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm, json:"
                        + folder.resolve("cucumber/live.json") + ", html:" + folder.resolve("cucumber/live.html"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 5);
        return text.toString();
    }
}

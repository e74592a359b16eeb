package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A target whose schema lacks a standard table the packaged suite uses (a team's org with account, contact and a
 * custom table, but no opportunity or competitor) skips the scenarios that need it, saying which table, instead of
 * failing them (issue 24: 29 of 162 packaged scenarios failed on missing tables against a team's schema).
 */
class MissingTablesTest {

    @Test
    void should_skip_a_scenario_whose_standard_table_the_target_lacks_and_say_which(@TempDir Path folder)
            throws Exception {
        List<String> reasons = new ArrayList<>();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // GIVEN an org whose $metadata has account, contact and cr123_project only
        try (LocalOrg local = new LocalOrg(folder, 3600, DataverseEmulator.builder()
                .metadata(Path.of("src/it/consumer-custom-table/metadata/org-metadata.xml")))) {
            Map<String, String> settings = local.settings();
            settings.forEach(System::setProperty);
            try {
                // WHEN the N:N scenarios (opportunities and competitors) run against it in live mode
                LauncherFactory.create().execute(request()
                        .selectors(selectFile("features/associate/many-to-many.feature"))
                        .filters(includeEngines("cucumber"))
                        .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                        .configurationParameter("cucumber.filter.tags", "not @emulator-only")
                        .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines").build(),
                        summary, new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
                                    result.getThrowable().ifPresent(t -> reasons.add(t.getMessage()));
                                }
                            }
                        });
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
        }
        // THEN none failed; those that need a missing table were skipped, each saying which table
        assertThat(summary.getSummary().getTotalFailureCount(), equalTo(0L));
        assertThat(reasons.size(), greaterThan(2));
        assertThat(reasons, everyItem(startsWith("the target has no table '")));
    }
}

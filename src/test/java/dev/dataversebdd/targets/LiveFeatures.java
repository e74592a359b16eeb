package dev.dataversebdd.targets;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs feature folders or files in this JVM with {@code settings} as system properties, as {@code -D} gives them. */
public final class LiveFeatures {

    /** The summary, the scenarios skipped with their reasons, and the scenarios that failed. */
    public record Outcomes(TestExecutionSummary summary, List<String> aborted, List<String> reasons, List<String> failed) {
        public String failures() {
            StringWriter text = new StringWriter();
            summary.printFailuresTo(new PrintWriter(text), 8);
            return text.toString();
        }
    }

    private LiveFeatures() {
    }

    /**
     * @param tags    a tag expression, or null for every scenario
     * @param plugins more Cucumber plugins after the step lines ({@code ", dev.…ConformancePlugin:out"}), or ""
     * @param paths   folders, files ending in {@code .feature}, or {@code file.feature:line} for the scenario there
     */
    public static Outcomes run(Map<String, String> settings, String tags, String plugins, String... paths) {
        List<String> aborted = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherDiscoveryRequestBuilder request = request().filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines" + plugins);
        if (tags != null) {
            request.configurationParameter("cucumber.filter.tags", tags);
        }
        for (String path : paths) {
            int line = path.lastIndexOf(".feature:");
            request.selectors(line > 0 ? selectFile(path.substring(0, line + 8), FilePosition.from(Integer.parseInt(
                    path.substring(line + 9)))) : path.endsWith(".feature") ? selectFile(path) : selectDirectory(path));
        }
        settings.forEach(System::setProperty);
        try {
            LauncherFactory.create().execute(request.build(), summary, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
                        aborted.add(test.getDisplayName());
                        result.getThrowable().ifPresent(t -> reasons.add(t.getMessage()));
                    }
                    if (test.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                        failed.add(test.getDisplayName());
                    }
                }
            });
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        return new Outcomes(summary.getSummary(), aborted, reasons, failed);
    }
}

package dev.dataversebdd.targets;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs feature folders in live mode in a JVM of its own, so that a test can kill it with SIGKILL half-way:
 * {@code java -Ddataverse.…=… LiveSuiteMain features/bind-on-create features/update-bind}.
 */
public final class LiveSuiteMain {

    private LiveSuiteMain() {
    }

    public static void main(String[] folders) {
        var builder = request().filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.filter.tags", "not @emulator-only")
                .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines, summary");
        for (String folder : folders) {
            builder.selectors(selectDirectory(folder));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(builder.build(), listener);
        System.out.println("scenarios run: " + listener.getSummary().getTestsStartedCount());
    }
}

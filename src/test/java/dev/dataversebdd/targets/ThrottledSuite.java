package dev.dataversebdd.targets;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import dev.dataversebdd.emulator.core.limits.Tally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The suite in live mode against a throttled stand-in org (the emulator with its service protection limits on,
 * behind a bearer token), for the benchmark: what failed, what the org refused, what came during a penalty, and the
 * wall time against the least the limits allow for that many requests.
 */
public final class ThrottledSuite {

    /**
     * @param boundMillis the least time the limits allow for {@code served} requests: a window for every full
     *                    window's worth after the first
     */
    public record Result(long scenarios, long failed, long served, long refused, long duringPenalty, long wallMillis,
                         long boundMillis) {
    }

    private ThrottledSuite() {
    }

    /** Runs {@code folders} once, serially ({@code parallelism} 1) or with that many scenarios at once. */
    public static Result run(List<String> folders, String limits, int parallelism) throws Exception {
        Path folder = Files.createTempDirectory("throttled-suite");
        ServiceProtection protection = ServiceProtection.parse(limits);
        try (LocalOrg local = new LocalOrg(folder, 3600)) {
            local.org.service().serviceProtection(protection);
            local.org.service().journalCapacity(0);
            Map<String, String> settings = local.settings();
            // the org's own units and users, which the suite's security scenarios act as (LiveConformanceSuiteTest)
            settings.put("dataverse.existing-rows", OrgPrincipals.seed(local.org.service(), local.endpoint::isValid)
                    .existingRows());
            settings.put("dataverse.parallelism", String.valueOf(parallelism));
            settings.put("dataverse.max-wait", "10m");
            settings.put("dataverse.run-tag", LiveOrgConfiguration.newRunTag());
            settings.forEach(System::setProperty);
            try {
                var builder = request().filters(includeEngines("cucumber"))
                        .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                        .configurationParameter("cucumber.filter.tags", "not @emulator-only")
                        .configurationParameter("cucumber.plugin", "summary")
                        .configurationParameter("cucumber.execution.parallel.enabled", String.valueOf(parallelism > 1))
                        .configurationParameter("cucumber.execution.parallel.config.strategy", "custom")
                        .configurationParameter("cucumber.execution.parallel.config.custom.class",
                                "dev.dataversebdd.junit.DataverseParallelism");
                folders.forEach(f -> builder.selectors(selectDirectory(f)));
                SummaryGeneratingListener listener = new SummaryGeneratingListener();
                long started = System.nanoTime();
                LauncherFactory.create().execute(builder.build(), listener);
                long wall = (System.nanoTime() - started) / 1_000_000;
                Tally tally = local.org.service().serviceProtectionTally().orElseThrow();
                long window = Math.round(protection.window().toMillis() * protection.timeScale());
                long bound = Math.max(0, (tally.served() - 1) / protection.requests()) * window;
                return new Result(listener.getSummary().getTestsSucceededCount() + listener.getSummary().getTotalFailureCount(),
                        listener.getSummary().getTotalFailureCount(), tally.served(), tally.refused(), tally.duringPenalty(),
                        wall, bound);
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
        }
    }
}

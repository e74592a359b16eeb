package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.dsl.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The capture's done-when: a capture of a stand-in org (the emulator on loopback, token-protected) loads into an
 * emulator that answers every scenario of {@code features/} as the stand-in's own schema does, cell for cell of the
 * conformance matrix, as {@code conformance diff} compares two runs: 100 %.
 */
class CaptureConformanceDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_answer_every_scenario_as_the_captured_org_does(@TempDir Path folder) throws Exception {
        // GIVEN a capture of every table of a token-protected stand-in org
        Path capture = folder.resolve("capture");
        java.nio.file.Files.createDirectories(folder.resolve("org"));
        try (LocalOrg local = new LocalOrg(folder.resolve("org"), 3600);
             Target target = LocalOrg.target(local.settings())) {
            MetadataCapture.pull(target, capture, List.of(), Clock.systemUTC());
        }
        // WHEN the suite runs on the org's schema, and on an emulator loaded from the capture
        TestExecutionSummary org = runFeatures(folder.resolve("org-run"), Map.of());
        TestExecutionSummary captured = runFeatures(folder.resolve("captured-run"),
                Map.of(Targets.EMULATOR_METADATA_DIR, capture.toString()));
        // THEN both pass alike, and conformance diff finds every cell equal
        assertThat(failures(org), org.getTotalFailureCount(), equalTo(0L));
        assertThat(failures(captured), captured.getTotalFailureCount(), equalTo(0L));
        assertThat(captured.getTestsSucceededCount(), equalTo(org.getTestsSucceededCount()));
        StringWriter out = new StringWriter();
        int status = dev.dataversebdd.cli.CliAccess.run(new PrintWriter(out), "conformance", "diff",
                folder.resolve("org-run/matrix.json").toString(), folder.resolve("captured-run/matrix.json").toString());
        assertThat(out.toString(), status, equalTo(0));
        assertThat(out.toString(), containsString("fidelity: 100.0%"));
        JsonNode matrix = JSON.readTree(folder.resolve("captured-run/matrix.json").toFile());
        assertThat(matrix.toString().length(), greaterThan(1000));
    }

    /** The suite in this JVM on the embedded emulator, {@code settings} as -D would give them, the matrix in {@code out}. */
    private static TestExecutionSummary runFeatures(Path out, Map<String, String> settings) {
        settings.forEach(System::setProperty);
        try {
            LauncherDiscoveryRequest request = request()
                    .selectors(selectDirectory("features"))
                    .filters(includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                    .configurationParameter("cucumber.plugin", "dev.dataversebdd.conformance.ConformancePlugin:" + out)
                    .build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request, listener);
            return listener.getSummary();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 5);
        return text.toString();
    }
}

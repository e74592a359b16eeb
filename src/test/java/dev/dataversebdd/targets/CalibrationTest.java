package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.conformance.MatrixDiff;
import dev.dataversebdd.conformance.Replay;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Calibration and the differential run, with the emulator on both sides: a stand-in org started with non-default
 * behaviour modes is run in live mode; the behaviour profile the run writes must hold exactly the org's modes; the
 * matrix of a default emulator must differ from the org's in the cells those modes change, and the matrix of an
 * emulator loaded with the learned profile in none. The run's recording, replayed, tells the same: answers differ
 * on a default emulator, none on the calibrated one.
 */
class CalibrationTest {

    private static final String BEHAVIOUR_SCENARIOS = "@conflict or @inferred";
    private static final Map<String, String> ORG_MODES = Map.of("bind-null", "rejected", "duplicate-association", "no-op",
            "relative-odata-id", "accept", "unknown-segment-code", "0x8006088a");

    @Test
    void should_learn_the_orgs_modes_and_leave_no_difference_once_the_emulator_is_calibrated(@TempDir Path folder)
            throws Exception {
        // GIVEN an "org" whose behaviours differ from the emulator's defaults in four places
        BehaviourProfile orgProfile = BehaviourProfile.defaults();
        for (Map.Entry<String, String> mode : ORG_MODES.entrySet()) {
            orgProfile = orgProfile.with(mode.getKey(), mode.getValue());
        }
        Path learned;
        JsonNode orgMatrix;
        try (LocalOrg local = new LocalOrg(folder, 3600)) {
            local.org.service().profile(orgProfile);
            // WHEN the behaviour scenarios run against it in live mode, recorded
            Map<String, String> settings = local.settings();
            settings.put("dataverse.record", folder.resolve("org.jsonl").toString());
            orgMatrix = run(folder.resolve("org"), settings);
            learned = folder.resolve("org/behaviour-profile.properties");
        }
        // THEN the profile learned holds the org's mode for every behaviour it observed, the four switched ones included
        Map<String, String> modes = modesIn(learned);
        assertThat(Files.readString(learned), modes.keySet().containsAll(ORG_MODES.keySet()), equalTo(true));
        for (Map.Entry<String, String> mode : modes.entrySet()) {
            assertThat(mode.getKey(), mode.getValue(), equalTo(orgProfile.asMap().get(mode.getKey())));
        }
        // WHEN the same scenarios run against a default emulator and against one loaded with the learned profile
        JsonNode defaults = run(folder.resolve("default"), Map.of("dataverse.target", "emulator"));
        JsonNode calibrated = run(folder.resolve("calibrated"), Map.of("dataverse.target", "emulator",
                "dataverse.emulator.behaviour-file", learned.toString()));
        // THEN the default emulator differs in cells, each of them exercised by a scenario that observed a switched
        // behaviour; the calibrated one differs in none
        MatrixDiff uncalibrated = new MatrixDiff(orgMatrix, defaults);
        assertThat(uncalibrated.differingCells(), not(empty()));
        assertThat(uncalibrated.fidelity(), lessThan(1.0));
        List<String> switchedScenarios = scenariosObserving(orgMatrix, ORG_MODES.keySet());
        for (JsonNode difference : uncalibrated.toJson("org", "emulator").path("differences")) {
            boolean explained = false;
            for (JsonNode observation : difference.path("org")) {
                explained |= switchedScenarios.contains(observation.asText().split(" ")[0]);
            }
            assertThat("a difference no switched behaviour explains: " + difference, explained, equalTo(true));
        }
        MatrixDiff afterCalibration = new MatrixDiff(orgMatrix, calibrated);
        assertThat(afterCalibration.differingCells(), empty());
        assertThat(afterCalibration.fidelity(), equalTo(1.0));
        assertThat(modes.keySet(), hasItem("bind-null"));
        // AND the recording of the org run holds no secret, and replayed flags answers on a default emulator only
        String recording = Files.readString(folder.resolve("org.jsonl"));
        assertThat(recording.contains(LocalOrg.SECRET) || recording.contains("eyJ"), equalTo(false));
        assertThat(recording.lines().count(), org.hamcrest.Matchers.greaterThan(100L));
        try (DataverseEmulator plain = DataverseEmulator.builder().start()) {
            List<Replay.Difference> flagged = new Replay(plain.baseUri()).replay(folder.resolve("org.jsonl"));
            assertThat(flagged, not(empty()));
            System.out.println("replay against a default emulator: " + flagged.size() + " of " + recording.lines().count()
                    + " answers differ, e.g. " + flagged.get(0));
        }
        try (DataverseEmulator calibratedEmulator = DataverseEmulator.builder()
                .profile(BehaviourProfile.defaults().withFile(learned)).start()) {
            List<Replay.Difference> left = new Replay(calibratedEmulator.baseUri()).replay(folder.resolve("org.jsonl"));
            assertThat(left.toString(), left, empty());
        }
    }

    /** Runs the behaviour scenarios with {@code settings}; returns the matrix written to {@code out}. */
    private static JsonNode run(Path out, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.forEach(System::setProperty);
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request().selectors(selectDirectory("features"))
                    .filters(includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                    .configurationParameter("cucumber.filter.tags", BEHAVIOUR_SCENARIOS)
                    .configurationParameter("cucumber.plugin", "dev.dataversebdd.conformance.ConformancePlugin:" + out)
                    .build(), listener);
            assertThat(out + ": " + listener.getSummary().getFailures(), listener.getSummary().getTotalFailureCount(),
                    equalTo(0L));
        } finally {
            all.keySet().forEach(System::clearProperty);
        }
        return new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
    }

    private static Map<String, String> modesIn(Path profile) throws Exception {
        Map<String, String> modes = new TreeMap<>();
        for (String line : Files.readAllLines(profile)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                modes.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return modes;
    }

    private static List<String> scenariosObserving(JsonNode matrix, java.util.Set<String> behaviours) {
        List<String> locations = new java.util.ArrayList<>();
        for (JsonNode cell : matrix.path("cells")) {
            for (JsonNode o : cell.path("observations")) {
                o.path("behaviours").fieldNames().forEachRemaining(key -> {
                    if (behaviours.contains(key)) {
                        locations.add(o.path("location").asText());
                    }
                });
            }
        }
        return locations;
    }
}

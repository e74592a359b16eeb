package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The behaviour profile a live run learns: for every [CONFLICT]/[INF] behaviour its scenarios observed, the modes
 * every observation fitted. One mode is written as {@code key=mode}, which the emulator loads
 * ({@code dataverse.emulator.behaviour-file}, {@code --behaviour-file}); several are undetermined and none means the
 * org does something no mode describes — both written as comments, never forced into a mode.
 */
final class BehaviourProfileFile {

    private BehaviourProfileFile() {
    }

    /** Per behaviour, the modes that fit every scenario that observed it (empty: no mode fits them all). */
    static Map<String, Set<String>> observedModes(List<ScenarioRun> scenarios) {
        Map<String, Set<String>> modes = new TreeMap<>();
        for (ScenarioRun run : scenarios) {
            if (run.record() == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : run.record().path("behaviours").properties()) {
                Set<String> fitted = new TreeSet<>();
                entry.getValue().forEach(mode -> fitted.add(mode.asText()));
                modes.merge(entry.getKey(), fitted, (a, b) -> {
                    Set<String> both = new TreeSet<>(a);
                    both.retainAll(b);
                    return both;
                });
            }
        }
        return modes;
    }

    static void write(Path file, Map<String, Set<String>> modes, String host, String date, String product)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Behaviour profile observed on " + host + " on " + date + " by " + product + ".");
        lines.add("# Load it into the emulator with -Ddataverse.emulator.behaviour-file=<this file> (or --behaviour-file).");
        modes.forEach((key, fitted) -> {
            if (fitted.size() == 1) {
                lines.add(key + "=" + fitted.iterator().next());
            } else if (fitted.isEmpty()) {
                lines.add("# " + key + ": no mode describes what " + host + " answered; see the matrix");
            } else {
                lines.add("# " + key + ": undetermined, the answers fit " + String.join(" and ", fitted));
            }
        });
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}

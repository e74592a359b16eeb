package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Compares two runs' matrices cell by cell, e.g. a live org's against the emulator's: a cell differs when one run
 * did not exercise it, or when its scenarios got another status, error code or result. Only what a target answers
 * is compared; ids, ETags, hosts, dates and request ids never enter a matrix, so nothing else needs normalising.
 * The fidelity score is the share of cells exercised by both runs that are equal. A cell's strength (how many
 * scenarios back it, whether on the wire of a live run) is not compared: cells equal but for it are listed apart.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class MatrixDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> left;
    private final Map<String, Set<String>> right;
    private final Map<String, CellStrength> leftStrength;
    private final Map<String, CellStrength> rightStrength;

    /** Scenarios skipped on either side (e.g. @emulator-only on a live org) are left out of both. */
    public MatrixDiff(JsonNode leftMatrix, JsonNode rightMatrix) {
        Set<String> skipped = skipped(leftMatrix);
        skipped.addAll(skipped(rightMatrix));
        this.left = observations(leftMatrix, skipped);
        this.right = observations(rightMatrix, skipped);
        this.leftStrength = strengths(leftMatrix, skipped);
        this.rightStrength = strengths(rightMatrix, skipped);
    }

    private static Set<String> skipped(JsonNode matrix) {
        Set<String> locations = new TreeSet<>();
        for (JsonNode scenario : matrix.path("scenarios")) {
            if (scenario.path("result").asText().equals("SKIPPED")) {
                locations.add(scenario.path("location").asText());
            }
        }
        return locations;
    }

    /** Per cell ({@code operation | relationship | form}), its observations as {@code location status code result}. */
    private static Map<String, Set<String>> observations(JsonNode matrix, Set<String> skipped) {
        Map<String, Set<String>> cells = new TreeMap<>();
        for (JsonNode cell : matrix.path("cells")) {
            Set<String> seen = new TreeSet<>();
            for (JsonNode o : cell.path("observations")) {
                if (!skipped.contains(o.path("location").asText())) {
                    seen.add(o.path("location").asText() + " " + o.path("status").asInt() + " "
                            + o.path("code").asText("-") + " " + o.path("result").asText());
                }
            }
            if (!seen.isEmpty()) {
                cells.put(key(cell), seen);
            }
        }
        return cells;
    }

    /**
     * Per cell, how strongly its observations back it. Never part of what is compared: a live org's matrix is on
     * the wire and the emulator's is not, and one scenario observing a cell twice answers as once.
     */
    private static Map<String, CellStrength> strengths(JsonNode matrix, Set<String> skipped) {
        boolean live = matrix.path("target").path("live").asBoolean();
        Map<String, CellStrength> strengths = new TreeMap<>();
        for (JsonNode cell : matrix.path("cells")) {
            Set<String> scenarios = new TreeSet<>();
            Set<String> onTheWire = new TreeSet<>();
            int observations = 0;
            for (JsonNode o : cell.path("observations")) {
                String location = o.path("location").asText();
                if (skipped.contains(location) || o.path("result").asText().equals("SKIPPED")) {
                    continue;
                }
                observations++;
                scenarios.add(location);
                boolean wire = o.has("liveWire") ? o.path("liveWire").asBoolean()
                        : ConformanceMatrix.liveWire(live, o.path("status").asInt());
                if (wire) {
                    onTheWire.add(location);
                }
            }
            if (observations > 0) {
                strengths.put(key(cell), new CellStrength(scenarios.size(), observations, onTheWire.size()));
            }
        }
        return strengths;
    }

    private static String key(JsonNode cell) {
        return cell.path("operation").asText() + " | " + cell.path("relationship").asText() + " | "
                + cell.path("form").asText();
    }

    /**
     * The cells both runs exercised alike whose strength is not alike (more scenarios on one side, on the wire of a
     * live run on one side only): shown, never counted as differing.
     */
    public List<String> strengthOnlyChanges() {
        Set<String> both = new TreeSet<>(left.keySet());
        both.retainAll(right.keySet());
        return both.stream().filter(cell -> left.get(cell).equals(right.get(cell)))
                .filter(cell -> !leftStrength.get(cell).equals(rightStrength.get(cell))).toList();
    }

    /** The cells that differ, in order. */
    public List<String> differingCells() {
        Set<String> all = new TreeSet<>(left.keySet());
        all.addAll(right.keySet());
        return all.stream().filter(cell -> !left.getOrDefault(cell, Set.of()).equals(right.getOrDefault(cell, Set.of())))
                .toList();
    }

    /** Cells equal in both runs over cells exercised by both (1.0 when they share none). */
    public double fidelity() {
        Set<String> both = new LinkedHashSet<>(left.keySet());
        both.retainAll(right.keySet());
        if (both.isEmpty()) {
            return 1.0;
        }
        long equal = both.stream().filter(cell -> left.get(cell).equals(right.get(cell))).count();
        return (double) equal / both.size();
    }

    /** The comparison as JSON: the fidelity score and, per differing cell, what each side saw. */
    public ObjectNode toJson(String leftName, String rightName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "dataverse-bdd/conformance-diff");
        root.put("version", 1);
        root.put("left", leftName);
        root.put("right", rightName);
        root.put("fidelity", Math.round(fidelity() * 10_000) / 10_000.0);
        ArrayNode cells = root.putArray("differences");
        for (String cell : differingCells()) {
            ObjectNode item = cells.addObject();
            item.put("cell", cell);
            item.set(leftName, JSON.valueToTree(left.getOrDefault(cell, Set.of())));
            item.set(rightName, JSON.valueToTree(right.getOrDefault(cell, Set.of())));
        }
        ArrayNode strengths = root.putArray("strengthOnly");
        for (String cell : strengthOnlyChanges()) {
            ObjectNode item = strengths.addObject();
            item.put("cell", cell);
            item.set(leftName, leftStrength.get(cell).toJson());
            item.set(rightName, rightStrength.get(cell).toJson());
        }
        return root;
    }
}

package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One run's matrix from the matrices of its shards (each CI job's {@code conformance/matrix.json}): the scenarios of
 * all, in the order an unsplit run lists them (by feature file and line), every cell's observations together in
 * that order, outcomes and totals worked out again, and the behaviours each shard observed intersected, as one run
 * intersects its scenarios'. So the merged matrix is the one an unsplit run of the same scenarios writes.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class MatrixMerge {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatrixMerge() {
    }

    /** Reads the shards' {@code matrix.json} files; refuses a file of another schema, naming it. */
    public static ConformanceMatrix merge(List<Path> matrices) throws IOException {
        List<ScenarioRun> scenarios = new ArrayList<>();
        Map<List<String>, List<Observation>> cells = new LinkedHashMap<>();
        Map<List<String>, String> firstSeen = new LinkedHashMap<>();
        Map<String, Set<String>> behaviours = new TreeMap<>();
        JsonNode target = null;
        String date = null;
        String product = null;
        for (Path file : matrices) {
            JsonNode matrix = JSON.readTree(Files.readAllBytes(file));
            if (!"dataverse-bdd/conformance-matrix".equals(matrix.path("schema").asText())) {
                throw new IllegalArgumentException(file + " is not a conformance matrix (matrix.json of a run)");
            }
            if (target == null || target.isEmpty()) {
                target = matrix.path("target");
            }
            date = date == null ? matrix.path("date").asText() : date;
            product = product == null ? matrix.path("product").asText() : product;
            for (JsonNode scenario : matrix.path("scenarios")) {
                scenarios.add(scenario(scenario));
            }
            int position = 0;
            boolean live = matrix.path("target").path("live").asBoolean();
            for (JsonNode cell : matrix.path("cells")) {
                List<String> key = List.of(cell.path("operation").asText(), cell.path("relationship").asText(),
                        cell.path("form").asText());
                for (JsonNode o : cell.path("observations")) {
                    cells.computeIfAbsent(key, k -> new ArrayList<>()).add(observation(key, o, live));
                }
                // where an unsplit run first met the cell: its first scenario, then its place among that scenario's
                String at = sortKey(cell.path("observations").path(0).path("location").asText()) + String.format("#%06d",
                        position++);
                firstSeen.merge(key, at, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            matrix.path("behaviours").properties().forEach(entry -> {
                Set<String> fitted = new TreeSet<>();
                entry.getValue().forEach(mode -> fitted.add(mode.asText()));
                behaviours.merge(entry.getKey(), fitted, (a, b) -> {
                    Set<String> both = new TreeSet<>(a);
                    both.retainAll(b);
                    return both;
                });
            });
        }
        scenarios.sort(Comparator.comparing(run -> sortKey(run.location())));
        Map<List<String>, List<Observation>> ordered = new LinkedHashMap<>();
        firstSeen.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(entry -> {
            List<Observation> observations = new ArrayList<>(cells.get(entry.getKey()));
            observations.sort(Comparator.comparing(o -> sortKey(o.location()))); // stable: a scenario's own order kept
            ordered.put(entry.getKey(), observations);
        });
        return new ConformanceMatrix(scenarios, ordered, target == null ? JSON.createObjectNode() : target, date, product,
                behaviours);
    }

    /** Writes {@code matrix.json}, {@code matrix.html} and, for a live org, {@code behaviour-profile.properties}. */
    public static ObjectNode write(ConformanceMatrix matrix, Path folder, Path allureResults) throws IOException {
        Files.createDirectories(folder);
        ObjectNode json = matrix.toJson();
        Path base = folder.toAbsolutePath();
        String html = MatrixHtml.render(matrix, matrix.product(), location -> base.relativize(
                Path.of(location.replaceFirst(":\\d+$", "")).toAbsolutePath()).toString().replace('\\', '/'));
        Files.writeString(folder.resolve("matrix.json"), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("matrix.html"), html, StandardCharsets.UTF_8);
        if (matrix.target().path("live").asBoolean()) {
            BehaviourProfileFile.write(folder.resolve("behaviour-profile.properties"), matrix.behaviours(),
                    matrix.target().path("host").asText(), matrix.date(), matrix.product());
        }
        if (allureResults != null) {
            AllureMatrix.write(allureResults, json, html);
        }
        return json;
    }

    private static ScenarioRun scenario(JsonNode scenario) {
        ObjectNode record = JSON.createObjectNode();
        var cells = record.putArray("cells");
        for (int i = 0; i < scenario.path("cells").asInt(); i++) {
            cells.addObject(); // only their number is kept in matrix.json's scenario list
        }
        return new ScenarioRun(scenario.path("name").asText(), scenario.path("location").asText(), strings(scenario.path("tags")),
                strings(scenario.path("sources")), scenario.path("result").asText(), record);
    }

    /** A shard written before observations said {@code liveWire} gives it from its target and the status. */
    private static Observation observation(List<String> key, JsonNode o, boolean liveTarget) {
        Map<String, Set<String>> behaviours = new TreeMap<>();
        o.path("behaviours").properties().forEach(entry -> behaviours.put(entry.getKey(), new TreeSet<>(strings(entry.getValue()))));
        return new Observation(key.get(0), key.get(1), key.get(2), o.path("scenario").asText(), o.path("location").asText(),
                o.path("status").asInt(), o.path("code").isNull() ? null : o.path("code").asText(null), o.path("result").asText(),
                behaviours, strings(o.path("provenance")), o.path("limitedCaller").asBoolean(false),
                o.has("liveWire") ? o.path("liveWire").asBoolean() : ConformanceMatrix.liveWire(liveTarget,
                        o.path("status").asInt()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** {@code features/a.feature:9} before {@code features/a.feature:10}. */
    static String sortKey(String location) {
        int colon = location.lastIndexOf(':');
        if (colon < 0 || !location.substring(colon + 1).matches("\\d+")) {
            return location;
        }
        return location.substring(0, colon) + String.format(":%08d", Integer.parseInt(location.substring(colon + 1)));
    }
}

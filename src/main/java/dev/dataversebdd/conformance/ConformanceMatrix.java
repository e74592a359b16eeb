package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The conformance matrix of one run: every operation the suite exercised, by relationship kind and reference form,
 * each cell with its observations. A cell conforms when every scenario that exercised it passed (answer and
 * read-back), and differs when one failed. As JSON it follows the schema {@code dataverse-bdd/conformance-matrix},
 * version {@value #VERSION} (src/site/markdown/conformance.md).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConformanceMatrix {

    public static final int VERSION = 1;

    /** Rows and columns in a fixed order, so two runs' matrices line up; kinds met outside them are appended. */
    static final List<String> OPERATIONS = List.of("associate", "disassociate ($id)", "disassociate (key segment)",
            "disassociate (single-valued)", "rebind", "bind on create", "deep insert", "bind on update",
            "unbind (nav: null)", "unbind (@odata.bind: null)", "replace parties", "batch", "create", "read");
    static final List<String> RELATIONSHIPS = List.of("1:N from the parent", "N:1", "N:N", "self-referential",
            "multi-table lookup", "activity party");
    static final List<String> FORMS = List.of("absolute", "root-relative", "relative", "other API version",
            "percent-encoded", "alternate key", "upper-case GUID", "Content-ID", "key segment", "nested row", "bind",
            "multipart", "none");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ScenarioRun> scenarios;
    private final Map<List<String>, List<Observation>> cells = new LinkedHashMap<>();
    private final JsonNode target;
    private final String date;
    private final String product;

    /** Per behaviour the modes that fit; null to work them out from the scenarios' records. */
    private Map<String, Set<String>> behaviours;

    /** A matrix put together from shards' matrices (MatrixMerge): the cells as they were, in the order given. */
    ConformanceMatrix(List<ScenarioRun> scenarios, Map<List<String>, List<Observation>> cells, JsonNode target,
                      String date, String product, Map<String, Set<String>> behaviours) {
        this.scenarios = List.copyOf(scenarios);
        this.cells.putAll(cells);
        this.target = target;
        this.date = date;
        this.product = product;
        this.behaviours = behaviours;
    }

    ConformanceMatrix(List<ScenarioRun> scenarios, String product) {
        this.scenarios = List.copyOf(scenarios);
        this.product = product;
        this.date = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode firstTarget = null;
        for (ScenarioRun run : this.scenarios) {
            if (run.record() == null) {
                continue;
            }
            firstTarget = firstTarget == null ? run.record().path("target") : firstTarget;
            for (JsonNode cell : run.record().path("cells")) {
                Observation observation = observation(run, cell);
                cells.computeIfAbsent(List.of(observation.operation(), observation.relationship(), observation.form()),
                        k -> new ArrayList<>()).add(observation);
            }
        }
        this.target = firstTarget == null ? JSON.createObjectNode() : firstTarget;
    }

    private Observation observation(ScenarioRun run, JsonNode cell) {
        Map<String, Set<String>> behaviours = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : run.record().path("behaviours").properties()) {
            Set<String> modes = new TreeSet<>();
            entry.getValue().forEach(mode -> modes.add(mode.asText()));
            behaviours.put(entry.getKey(), modes);
        }
        List<String> provenance = new ArrayList<>(run.sources());
        boolean live = run.record().path("target").path("live").asBoolean();
        if (live) {
            provenance.add("observed on " + run.record().path("target").path("host").asText() + " on " + date);
        }
        return new Observation(cell.path("operation").asText(), cell.path("relationship").asText(),
                cell.path("form").asText(), run.name(), run.location(), cell.path("status").asInt(),
                cell.path("code").isNull() ? null : cell.path("code").asText(null), run.result(), behaviours, provenance,
                cell.path("limitedCaller").asBoolean(false), liveWire(live, cell.path("status").asInt()));
    }

    /**
     * A record holds only requests that were sent (the guard's refusals throw before sending), so a live run's
     * observation is on the wire when the target answered it; a batch part with no answer of its own (status 0, the
     * batch stopped before it) was not seen.
     */
    static boolean liveWire(boolean liveTarget, int status) {
        return liveTarget && status > 0;
    }

    /** "conforms", "differs" or "not exercised" (only skipped scenarios reached it). */
    static String outcome(List<Observation> observations) {
        if (observations.stream().noneMatch(Observation::exercised)) {
            return "not exercised";
        }
        return observations.stream().filter(Observation::exercised).allMatch(Observation::passed) ? "conforms" : "differs";
    }

    Map<List<String>, List<Observation>> cells() {
        return cells;
    }

    List<ScenarioRun> scenarios() {
        return scenarios;
    }

    JsonNode target() {
        return target;
    }

    String date() {
        return date;
    }

    String product() {
        return product;
    }

    Map<String, Set<String>> behaviours() {
        return behaviours != null ? behaviours : BehaviourProfileFile.observedModes(scenarios);
    }

    /** The operations, relationship kinds and forms to draw: the fixed ones, then any others the run met. */
    List<String> axis(int position, List<String> fixed) {
        Set<String> values = new LinkedHashSet<>(fixed);
        cells.keySet().forEach(key -> values.add(key.get(position)));
        return List.copyOf(values);
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "dataverse-bdd/conformance-matrix");
        root.put("version", VERSION);
        root.put("date", date);
        root.put("product", product);
        root.set("target", target.deepCopy());
        ObjectNode summary = root.putObject("summary");
        summary.put("scenarios", scenarios.size());
        summary.put("passed", scenarios.stream().filter(s -> s.result().equals("PASSED")).count());
        summary.put("failed", scenarios.stream().filter(s -> s.result().equals("FAILED")).count());
        summary.put("skipped", scenarios.stream().filter(s -> s.result().equals("SKIPPED")).count());
        summary.put("cells", cells.size());
        summary.put("conforming", cells.values().stream().filter(o -> outcome(o).equals("conforms")).count());
        summary.put("differing", cells.values().stream().filter(o -> outcome(o).equals("differs")).count());
        summary.put("singleScenarioCells", cells.values().stream().map(CellStrength::of).filter(CellStrength::single)
                .count());
        summary.put("liveWireCells", cells.values().stream().map(CellStrength::of).filter(CellStrength::liveWire)
                .count());
        root.set("operations", JSON.valueToTree(axis(0, OPERATIONS)));
        root.set("relationships", JSON.valueToTree(axis(1, RELATIONSHIPS)));
        root.set("forms", JSON.valueToTree(axis(2, FORMS)));
        ArrayNode cellsJson = root.putArray("cells");
        cells.forEach((key, observations) -> {
            ObjectNode cell = cellsJson.addObject();
            cell.put("operation", key.get(0));
            cell.put("relationship", key.get(1));
            cell.put("form", key.get(2));
            cell.put("outcome", outcome(observations));
            cell.set("strength", CellStrength.of(observations).toJson());
            // how many of its observations were made as a limited caller (on behalf of a user with a security role)
            cell.put("limitedCallerObservations", observations.stream().filter(Observation::limitedCaller).count());
            ArrayNode list = cell.putArray("observations");
            for (Observation o : observations) {
                ObjectNode item = list.addObject();
                item.put("scenario", o.scenario());
                item.put("location", o.location());
                item.put("status", o.status());
                item.put("code", o.code());
                item.put("result", o.result());
                item.put("readBackMatched", o.passed());
                item.put("limitedCaller", o.limitedCaller());
                item.put("liveWire", o.liveWire());
                item.set("behaviours", JSON.valueToTree(o.behaviours()));
                item.set("provenance", JSON.valueToTree(o.provenance()));
            }
        });
        ArrayNode scenarioList = root.putArray("scenarios");
        for (ScenarioRun run : scenarios) {
            ObjectNode item = scenarioList.addObject();
            item.put("name", run.name());
            item.put("location", run.location());
            item.put("result", run.result());
            item.set("tags", JSON.valueToTree(run.tags()));
            item.set("sources", JSON.valueToTree(run.sources()));
            item.put("cells", run.record() == null ? 0 : run.record().path("cells").size());
        }
        root.set("behaviours", JSON.valueToTree(behaviours()));
        return root;
    }
}

package dev.dataversebdd.conformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell's strength goes through a shard merge as an unsplit run counts it, and a diff never calls it a difference. */
class CellStrengthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static ScenarioRun run(boolean live, String location, int status) throws Exception {
        JsonNode record = JSON.readTree("{\"target\":{\"description\":\"t\",\"host\":\"h\",\"live\":" + live + "},"
                + "\"cells\":[{\"operation\":\"associate\",\"relationship\":\"N:N\",\"form\":\"absolute\",\"status\":"
                + status + ",\"code\":null}],\"behaviours\":{}}");
        return new ScenarioRun("associate at " + location, location, List.of(), List.of("D1"), "PASSED", record);
    }

    private Path write(String name, ObjectNode matrix) throws Exception {
        Path file = folder.resolve(name + ".json");
        Files.writeString(file, JSON.writeValueAsString(matrix));
        return file;
    }

    private static JsonNode strength(JsonNode matrix) {
        return matrix.path("cells").get(0).path("strength");
    }

    @Test
    void should_count_a_cell_two_shards_observed_as_backed_by_both_shards_scenarios() throws Exception {
        // GIVEN two shards of a live run that each observed the cell with one scenario
        Path one = write("one", new ConformanceMatrix(List.of(run(true, "features/a.feature:3", 204)), "p").toJson());
        Path two = write("two", new ConformanceMatrix(List.of(run(true, "features/b.feature:7", 204)), "p").toJson());
        assertThat(strength(JSON.readTree(one.toFile())).path("scenarios").asInt(), equalTo(1));
        // WHEN they are merged
        JsonNode merged = MatrixMerge.merge(List.of(one, two)).toJson();
        // THEN the merged cell is backed by two scenarios, both on the wire, and is no longer a single-scenario cell
        assertThat(strength(merged).toString(), equalTo(
                "{\"scenarios\":2,\"observations\":2,\"liveWire\":true,\"liveWireScenarios\":2}"));
        assertThat(merged.path("summary").path("singleScenarioCells").asInt(), equalTo(0));
        assertThat(merged.path("summary").path("liveWireCells").asInt(), equalTo(1));
    }

    @Test
    void should_work_out_the_live_wire_of_a_shard_written_before_observations_said_it() throws Exception {
        // GIVEN a live shard's matrix without the strength fields (as an older dataverse-bdd wrote it)
        ObjectNode old = new ConformanceMatrix(List.of(run(true, "features/a.feature:3", 204)), "p").toJson();
        ObjectNode cell = (ObjectNode) old.path("cells").get(0);
        cell.remove("strength");
        ((ObjectNode) cell.path("observations").get(0)).remove("liveWire");
        // WHEN it is merged THEN its observation is on the wire: a live target answered it
        JsonNode merged = MatrixMerge.merge(List.of(write("old", old))).toJson();
        assertThat(strength(merged).path("liveWire").asBoolean(), equalTo(true));
        assertThat(merged.path("cells").get(0).path("observations").get(0).path("liveWire").asBoolean(), equalTo(true));
    }

    @Test
    void should_not_call_a_cell_that_differs_only_in_strength_a_difference() throws Exception {
        // GIVEN the same scenario answered alike on a live org and on the emulator, the live one observing it twice
        ScenarioRun live = run(true, "features/a.feature:3", 204);
        ObjectNode liveMatrix = new ConformanceMatrix(List.of(live), "p").toJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) liveMatrix.path("cells").get(0).path("observations"))
                .add(liveMatrix.path("cells").get(0).path("observations").get(0).deepCopy());
        ObjectNode emulatorMatrix = new ConformanceMatrix(List.of(run(false, "features/a.feature:3", 204)), "p").toJson();
        // WHEN they are compared
        MatrixDiff diff = new MatrixDiff(liveMatrix, emulatorMatrix);
        // THEN no cell differs, the fidelity is whole, and the strength change is listed apart
        assertThat(diff.differingCells(), empty());
        assertThat(diff.fidelity(), equalTo(1.0));
        assertThat(diff.strengthOnlyChanges(), contains("associate | N:N | absolute"));
        JsonNode json = diff.toJson("org", "emulator");
        assertThat(json.path("strengthOnly").get(0).path("org").path("observations").asInt(), equalTo(2));
        assertThat(json.path("strengthOnly").get(0).path("emulator").path("liveWire").asBoolean(), equalTo(false));
        // AND a cell answered otherwise still differs, and is not listed as a strength change
        MatrixDiff other = new MatrixDiff(liveMatrix, new ConformanceMatrix(List.of(run(false, "features/a.feature:3",
                412)), "p").toJson());
        assertThat(other.differingCells(), contains("associate | N:N | absolute"));
        assertThat(other.strengthOnlyChanges(), empty());
    }
}

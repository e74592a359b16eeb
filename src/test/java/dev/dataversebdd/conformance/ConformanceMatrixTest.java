package dev.dataversebdd.conformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix built from scenario records: outcomes per cell, the page, and the behaviour profile of a live run. */
class ConformanceMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScenarioRun run(String name, String location, String result, String cells, String behaviours)
            throws Exception {
        return run(true, name, location, result, cells, behaviours);
    }

    private static ScenarioRun run(boolean live, String name, String location, String result, String cells,
                                   String behaviours) throws Exception {
        JsonNode record = JSON.readTree("{\"target\":{\"description\":\"live org at https://contoso\",\"host\":"
                + "\"contoso.crm.dynamics.com\",\"live\":" + live + "},\"cells\":[" + cells + "],\"behaviours\":{"
                + behaviours + "}}");
        return new ScenarioRun(name, location, List.of("@conflict"), List.of("D1", "D2"), result, record);
    }

    private static String cell(String operation, int status) {
        return "{\"operation\":\"" + operation + "\",\"relationship\":\"N:N\",\"form\":\"absolute\",\"status\":" + status
                + ",\"code\":null}";
    }

    @Test
    void should_mark_cells_conforming_differing_or_unexercised_and_escape_what_scenarios_name() throws Exception {
        // GIVEN four scenario records: passed, failed, passed again on the same cell, skipped
        ConformanceMatrix matrix = new ConformanceMatrix(List.of(
                run("associate <b>twice</b>", "features/a.feature:3", "PASSED", cell("associate", 204), ""),
                run("rebind", "features/a.feature:9", "FAILED", cell("rebind", 404), ""),
                run("rebind again", "features/a.feature:12", "PASSED", cell("rebind", 204), ""),
                run("skipped on a live org", "features/a.feature:20", "SKIPPED", cell("bind on create", 204), "")),
                "dataverse-bdd test");
        // THEN the cells conform, differ and were not exercised, with a live org's provenance; the page escapes names
        JsonNode json = matrix.toJson();
        assertThat(outcome(json, "associate"), equalTo("conforms"));
        assertThat(outcome(json, "rebind"), equalTo("differs"));
        assertThat(outcome(json, "bind on create"), equalTo("not exercised"));
        assertThat(json.path("summary").path("differing").asInt(), equalTo(1));
        assertThat(json.path("cells").get(0).path("observations").get(0).path("provenance").toString(),
                containsString("observed on contoso.crm.dynamics.com on "));
        String html = MatrixHtml.render(matrix, "dataverse-bdd test", location -> "../../" + location);
        assertThat(html, containsString("associate &lt;b&gt;twice&lt;/b&gt;"));
        assertThat(html, not(containsString("<b>twice")));
        assertThat(html, not(containsString("<script")));
        assertThat(html, containsString("class=\"badge differs live\" href=\"../../features/a.feature:9\""));
    }

    @Test
    void should_tell_a_cell_one_scenario_backs_from_one_several_back_and_say_which_were_seen_on_a_live_wire()
            throws Exception {
        // GIVEN an associate cell three scenarios observed (one of them twice), a rebind cell one scenario observed,
        // and a bind on create cell only a skipped scenario reached
        String associate = cell("associate", 204);
        ConformanceMatrix matrix = new ConformanceMatrix(List.of(
                run("associate", "features/a.feature:3", "PASSED", associate + "," + associate, ""),
                run("associate again", "features/a.feature:9", "PASSED", associate, ""),
                run("associate once more", "features/b.feature:4", "PASSED", associate, ""),
                run("rebind", "features/b.feature:12", "PASSED", cell("rebind", 204), ""),
                run("skipped", "features/b.feature:20", "SKIPPED", cell("bind on create", 204), "")),
                "dataverse-bdd test");
        // WHEN it is written
        JsonNode json = matrix.toJson();
        // THEN each cell says how many distinct scenarios and observations back it, and that a live target answered
        assertThat(strength(json, "associate").toString(), equalTo(
                "{\"scenarios\":3,\"observations\":4,\"liveWire\":true,\"liveWireScenarios\":3}"));
        assertThat(strength(json, "rebind").toString(), equalTo(
                "{\"scenarios\":1,\"observations\":1,\"liveWire\":true,\"liveWireScenarios\":1}"));
        assertThat(strength(json, "bind on create").toString(), equalTo(
                "{\"scenarios\":0,\"observations\":0,\"liveWire\":false,\"liveWireScenarios\":0}"));
        assertThat(json.path("summary").path("singleScenarioCells").asInt(), equalTo(1));
        assertThat(json.path("summary").path("liveWireCells").asInt(), equalTo(2));
        // AND the page draws the single-scenario badge hollow and the others with their count, on the wire
        String html = MatrixHtml.render(matrix, "dataverse-bdd test", location -> "../../" + location);
        assertThat(html, containsString("class=\"badge conforms live\" href=\"../../features/a.feature:3\""));
        assertThat(html, containsString(">absolute<span class=\"n\">3 live</span></a>"));
        assertThat(html, containsString("class=\"badge conforms single live\" href=\"../../features/b.feature:12\""));
        assertThat(html, containsString(">absolute<span class=\"n\">1 live</span></a>"));
        assertThat(html, containsString("3 scenarios, 4 observations, 3 on the wire of a live run"));
        assertThat(html, containsString("1 cell backed by a single scenario, 2 observed on the wire of a live run."));
    }

    @Test
    void should_see_no_live_wire_on_the_emulator_nor_in_a_batch_part_left_unanswered() throws Exception {
        // GIVEN an emulator run's scenario, and a live run's batch whose second part got no answer (status 0)
        ConformanceMatrix matrix = new ConformanceMatrix(List.of(
                run(false, "on the emulator", "features/a.feature:3", "PASSED", cell("associate", 204), ""),
                run(true, "batch on a live org", "features/a.feature:9", "FAILED", cell("batch", 0), "")),
                "dataverse-bdd test");
        // THEN neither was seen on the wire of a live run, though both count as scenarios backing their cells
        JsonNode json = matrix.toJson();
        assertThat(strength(json, "associate").path("liveWire").asBoolean(), equalTo(false));
        assertThat(strength(json, "associate").path("scenarios").asInt(), equalTo(1));
        assertThat(strength(json, "batch").path("liveWire").asBoolean(), equalTo(false));
        assertThat(json.path("cells").get(1).path("observations").get(0).path("liveWire").asBoolean(), equalTo(false));
        assertThat(json.path("summary").path("liveWireCells").asInt(), equalTo(0));
        String html = MatrixHtml.render(matrix, "dataverse-bdd test", location -> location);
        assertThat(html, containsString("class=\"badge conforms single\" href=\"features/a.feature:3\""));
        assertThat(html, containsString(">absolute<span class=\"n\">1</span></a>"));
    }

    @Test
    void should_say_which_observations_of_a_cell_were_made_as_a_limited_caller() throws Exception {
        // GIVEN the same cell observed as the run's own caller and, by a security scenario, on behalf of a user
        String limited = "{\"operation\":\"associate\",\"relationship\":\"N:N\",\"form\":\"absolute\",\"status\":403,"
                + "\"code\":\"0x80040220\",\"limitedCaller\":true}";
        ConformanceMatrix matrix = new ConformanceMatrix(List.of(
                run("associate", "features/a.feature:3", "PASSED", cell("associate", 204), ""),
                run("refused as Dana", "features/security/b.feature:7", "PASSED", limited, "")), "dataverse-bdd test");
        // THEN the cell counts the limited observation and each observation says how it was made
        JsonNode cell = matrix.toJson().path("cells").get(0);
        assertThat(cell.path("limitedCallerObservations").asInt(), equalTo(1));
        assertThat(cell.path("observations").get(0).path("limitedCaller").asBoolean(), equalTo(false));
        assertThat(cell.path("observations").get(1).path("limitedCaller").asBoolean(), equalTo(true));
        // AND the page says so, on the badge and in the list of every cell
        String html = MatrixHtml.render(matrix, "dataverse-bdd test", location -> "../../" + location);
        assertThat(html, containsString("2 observation(s), 1 as a limited caller"));
        assertThat(html, containsString("passed &middot; as a limited caller"));
    }

    @Test
    void should_write_one_mode_per_behaviour_all_scenarios_agree_on_and_never_force_the_others(@TempDir Path folder)
            throws Exception {
        // GIVEN scenarios that observed behaviours: agreeing, undetermined and fitting no mode
        List<ScenarioRun> runs = List.of(
                run("a", "features/a.feature:1", "PASSED", "", "\"bind-null\":[\"clears\",\"ignored\"],\"duplicate-association\":[\"412\"]"),
                run("b", "features/a.feature:2", "PASSED", "", "\"bind-null\":[\"clears\"],\"relative-odata-id\":[\"reject\",\"accept\"]"),
                run("c", "features/a.feature:3", "FAILED", "", "\"disassociate-unrelated\":[]"));
        // WHEN the profile is written THEN one line per determined mode, comments for the others
        Map<String, Set<String>> modes = BehaviourProfileFile.observedModes(runs);
        Path file = folder.resolve("behaviour-profile.properties");
        BehaviourProfileFile.write(file, modes, "contoso.crm.dynamics.com", "2026-11-29", "dataverse-bdd test");
        String text = Files.readString(file);
        assertThat(text, containsString("\nbind-null=clears\n"));
        assertThat(text, containsString("\nduplicate-association=412\n"));
        assertThat(text, containsString("# relative-odata-id: undetermined, the answers fit accept and reject"));
        assertThat(text, containsString("# disassociate-unrelated: no mode describes what contoso.crm.dynamics.com answered"));
    }

    private static JsonNode strength(JsonNode matrix, String operation) {
        for (JsonNode cell : matrix.path("cells")) {
            if (cell.path("operation").asText().equals(operation)) {
                return cell.path("strength");
            }
        }
        return JSON.createObjectNode();
    }

    private static String outcome(JsonNode matrix, String operation) {
        for (JsonNode cell : matrix.path("cells")) {
            if (cell.path("operation").asText().equals(operation)) {
                return cell.path("outcome").asText();
            }
        }
        return "absent";
    }
}

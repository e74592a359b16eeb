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
        JsonNode record = JSON.readTree("{\"target\":{\"description\":\"live org at https://contoso\",\"host\":"
                + "\"contoso.crm.dynamics.com\",\"live\":true},\"cells\":[" + cells + "],\"behaviours\":{" + behaviours + "}}");
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
        assertThat(html, containsString("class=\"badge differs\" href=\"../../features/a.feature:9\""));
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

    private static String outcome(JsonNode matrix, String operation) {
        for (JsonNode cell : matrix.path("cells")) {
            if (cell.path("operation").asText().equals(operation)) {
                return cell.path("outcome").asText();
            }
        }
        return "absent";
    }
}

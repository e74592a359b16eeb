package dev.dataversebdd.conformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The matrix the test phase's run of the whole suite wrote (RunCucumberTest, with the ConformancePlugin): every
 * scenario of features/ is in it, exactly once, and the page shows every operation it placed.
 */
class ConformanceMatrixIT {

    private static final Path FOLDER = Path.of(System.getProperty("reports.dir", "reports"), "conformance");

    @Test
    void should_hold_every_scenario_of_the_suite_once_and_show_every_cell() throws Exception {
        // GIVEN the matrix the test phase's suite run wrote
        Path json = FOLDER.resolve("matrix.json");
        assertThat("the test phase's suite run writes " + json + " (run the whole suite first)", Files.exists(json),
                equalTo(true));
        JsonNode matrix = new ObjectMapper().readTree(json.toFile());
        assertThat(matrix.path("schema").asText(), equalTo("dataverse-bdd/conformance-matrix"));
        // THEN every scenario Cucumber discovers in features/ is listed, once, and the page shows every operation
        List<String> listed = new ArrayList<>();
        matrix.path("scenarios").forEach(s -> listed.add(s.path("location").asText()));
        Set<String> discovered = discoveredScenarios();
        assertThat(discovered.size(), greaterThan(100));
        assertThat("scenarios listed twice", listed.size(), equalTo(new TreeSet<>(listed).size()));
        Set<String> missing = new TreeSet<>(discovered);
        missing.removeAll(listed);
        assertThat("scenarios of features/ missing from the matrix", missing, empty());
        assertThat(matrix.path("summary").path("cells").asInt(), equalTo(matrix.path("cells").size()));
        // AND each cell's strength counts the distinct scenarios that exercised it: some cells have one, some several,
        // and none of the emulator run's observations is on the wire of a live run
        int single = 0;
        int several = 0;
        for (JsonNode cell : matrix.path("cells")) {
            Set<String> scenarios = new TreeSet<>();
            cell.path("observations").forEach(o -> {
                if (!o.path("result").asText().equals("SKIPPED")) {
                    scenarios.add(o.path("location").asText());
                }
            });
            assertThat(cell.toString(), cell.path("strength").path("scenarios").asInt(), equalTo(scenarios.size()));
            assertThat(cell.toString(), cell.path("strength").path("liveWire").asBoolean(), equalTo(false));
            single += scenarios.size() == 1 ? 1 : 0;
            several += scenarios.size() > 1 ? 1 : 0;
        }
        assertThat(matrix.path("summary").path("singleScenarioCells").asInt(), equalTo(single));
        assertThat("cells one scenario backs", single, greaterThan(0));
        assertThat("cells several scenarios back", several, greaterThan(0));
        String html = Files.readString(FOLDER.resolve("matrix.html"));
        for (JsonNode cell : matrix.path("cells")) {
            assertThat(html, containsString("<th>" + cell.path("operation").asText()
                    .replace("&", "&amp;").replace("<", "&lt;") + "</th>"));
        }
    }

    /** Every scenario of features/ as {@code features/x.feature:<line>}, as Cucumber discovers them. */
    private static Set<String> discoveredScenarios() {
        TestPlan plan = LauncherFactory.create().discover(request().selectors(selectDirectory("features"))
                .filters(includeEngines("cucumber")).configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .build());
        Set<String> locations = new TreeSet<>();
        plan.getRoots().forEach(root -> leaves(plan, root).forEach(test -> test.getSource()
                .filter(FileSource.class::isInstance).map(FileSource.class::cast).ifPresent(source ->
                        locations.add(Path.of("").toAbsolutePath().relativize(source.getFile().toPath().toAbsolutePath())
                                .toString().replace('\\', '/') + ":" + source.getPosition().orElseThrow().getLine()))));
        return locations;
    }

    private static Stream<TestIdentifier> leaves(TestPlan plan, TestIdentifier node) {
        Set<TestIdentifier> children = plan.getChildren(node);
        return children.isEmpty() ? (node.isTest() ? Stream.of(node) : Stream.empty())
                : children.stream().flatMap(child -> leaves(plan, child));
    }
}

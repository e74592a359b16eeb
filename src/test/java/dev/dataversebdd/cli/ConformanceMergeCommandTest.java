package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A suite split into three shards ({@code dataverse.shard=i/3}) and merged again ({@code conformance merge}) reports
 * what one unsplit run of it reports: the same matrix, totals and behaviours, one Allure matrix result.
 */
class ConformanceMergeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FOLDERS = {"features/associate", "features/disassociate", "features/everyday",
        "features/batch"};

    @TempDir
    Path folder;

    /** Runs the folders' scenarios on the emulator (one shard of them when {@code shard} is given) into {@code reports}. */
    private static long run(Path reports, String shard) {
        var builder = request().selectors(Stream.of(FOLDERS).map(f -> selectDirectory(f)).toList())
                .filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.plugin", "dev.dataversebdd.conformance.ConformancePlugin:"
                        + reports.resolve("conformance") + ", json:" + reports.resolve("cucumber/cucumber.json"));
        String allure = System.getProperty("allure.results.directory");
        System.setProperty("allure.results.directory", reports.resolve("allure-results").toString());
        if (shard != null) {
            System.setProperty("dataverse.shard", shard);
        }
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(builder.build(), listener);
            return listener.getSummary().getTestsSucceededCount();
        } finally {
            System.clearProperty("dataverse.shard");
            if (allure == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", allure);
            }
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readAllBytes(file));
    }

    private static List<JsonNode> matrixResults(Path allure) throws IOException {
        try (Stream<Path> files = Files.list(allure)) {
            return files.filter(f -> f.toString().endsWith("-result.json")).map(f -> {
                try {
                    return read(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(r -> r.path("historyId").asText().equals("dataverse-bdd-conformance-matrix")).toList();
        }
    }

    @Test
    void should_merge_three_shards_into_the_reports_of_one_unsplit_run() throws Exception {
        // GIVEN the scenarios run whole, and run again as three shards, each into its own reports folder
        long whole = run(folder.resolve("whole"), null);
        long sharded = 0;
        for (int i = 1; i <= 3; i++) {
            sharded += run(folder.resolve("shard-" + i), i + "/3");
            assertThat("shard " + i + " ran scenarios", read(folder.resolve("shard-" + i + "/conformance/matrix.json"))
                    .path("summary").path("scenarios").asInt(), greaterThan(0));
        }
        assertThat(sharded, equalTo(whole));
        // WHEN conformance merge puts them together
        CommandLineConventionsTest.Run merge = CommandLineConventionsTest.run("conformance", "merge", "--out",
                folder.resolve("merged").toString(), folder.resolve("shard-1").toString(),
                folder.resolve("shard-2").toString(), folder.resolve("shard-3").toString());
        // THEN it succeeds and its matrix is the unsplit run's, cell for cell and total for total
        assertThat(merge.err(), merge.status(), equalTo(0));
        JsonNode expected = read(folder.resolve("whole/conformance/matrix.json"));
        JsonNode merged = read(folder.resolve("merged/conformance/matrix.json"));
        assertThat(merged.path("summary"), equalTo(expected.path("summary")));
        // (each run had its own emulator, on its own port: the target is the first shard's, and otherwise alike)
        assertThat(merged.path("target").path("live"), equalTo(expected.path("target").path("live")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) merged).remove("target");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("target");
        assertThat(merged, equalTo(expected));
        // AND the Allure results hold one matrix result, as one run's do, and every shard's scenarios are in the JSON
        assertThat(matrixResults(folder.resolve("merged/allure-results")).size(), equalTo(1));
        assertThat(matrixResults(folder.resolve("merged/allure-results")).get(0).path("description"),
                equalTo(matrixResults(folder.resolve("whole/allure-results")).get(0).path("description")));
        int scenarios = 0;
        for (JsonNode feature : read(folder.resolve("merged/cucumber/cucumber.json"))) {
            for (JsonNode element : feature.path("elements")) {
                scenarios += element.path("type").asText().equals("scenario") ? 1 : 0; // backgrounds are elements too
            }
        }
        assertThat((long) scenarios, equalTo(expected.path("summary").path("scenarios").asLong()));
    }
}

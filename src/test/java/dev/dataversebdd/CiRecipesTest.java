package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI recipes of ci.md are run, not just written: both pipelines parse, every Maven or Java command in their steps
 * is one the documents tell a user to run (CI variables read as the documents' placeholders), and the shard and
 * merge steps, as the pipelines spell them, work end to end here on the embedded emulator.
 */
class CiRecipesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path GITHUB = ROOT.resolve("src/site/ci/github-actions.yml");
    private static final Path AZURE = ROOT.resolve("src/site/ci/azure-pipelines.yml");
    private static final Pattern EXEC_ARGS = Pattern.compile("-Dexec\\.args=\"([^\"]*)\"");

    @TempDir
    Path folder;

    /** Every {@code run:} (GitHub) or {@code script:} (Azure DevOps) of a pipeline, each line a command. */
    @SuppressWarnings("unchecked")
    private static List<String> commands(Path pipeline) throws IOException {
        Object yaml = new Yaml().load(Files.readString(pipeline));
        List<String> commands = new ArrayList<>();
        collect(yaml, commands);
        return commands.stream().flatMap(c -> c.lines()).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<String> commands) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ((key.equals("run") || key.equals("script")) && value instanceof String command) {
                    commands.add(command);
                } else {
                    collect(value, commands);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, commands));
        }
    }

    /** {@code ${{ matrix.shard }}} and {@code $(shard)} are the documents' {@code <i>}. */
    private static String asDocumented(String command) {
        return command.replace("${{ matrix.shard }}", "<i>").replace("$(shard)", "<i>");
    }

    @Test
    void should_parse_both_pipelines_and_use_only_commands_the_documents_give() throws IOException {
        Set<String> documented = DocumentedCommands.in(ROOT).stream().map(DocumentedCommands.Command::text)
                .collect(Collectors.toSet());
        for (Path pipeline : List.of(GITHUB, AZURE)) {
            List<String> commands = commands(pipeline);
            assertThat(pipeline + " has steps", commands.size(), greaterThan(2));
            List<String> undocumented = commands.stream().map(CiRecipesTest::asDocumented)
                    .filter(c -> !documented.contains(c)).toList();
            assertThat(pipeline + ": commands no document gives", undocumented, empty());
            // the main job, one shard per job of the matrix, and the merge
            assertThat(commands.stream().map(CiRecipesTest::asDocumented).toList(), hasItems("mvn -B verify",
                    "mvn -B -Pconformance verify -Ddataverse.shard=<i>/3 -Dreports.dir=$PWD/reports/shard-<i>"));
        }
        String azure = Files.readString(AZURE);
        for (String variable : List.of("BuildTools.EnvironmentUrl", "BuildTools.TenantId", "BuildTools.ApplicationId",
                "BuildTools.ClientSecret", "PublishTestResults@2", "Cache@2")) {
            assertThat("azure-pipelines.yml uses " + variable, azure.contains(variable), equalTo(true));
        }
    }

    @Test
    void should_run_the_pipelines_shard_and_merge_steps_end_to_end_on_the_emulator() throws Exception {
        List<String> steps = commands(GITHUB);
        String shardStep = steps.stream().filter(c -> c.contains("-Ddataverse.shard=")).findFirst().orElseThrow();
        String mergeStep = steps.stream().filter(c -> c.contains("conformance merge")).findFirst().orElseThrow();
        assertThat(commands(AZURE), hasItems(shardStep.replace("${{ matrix.shard }}", "$(shard)"), mergeStep));
        // GIVEN each shard of the step run as its job would (its -D settings, its reports folder), on a part of the suite
        Matcher count = Pattern.compile("-Ddataverse\\.shard=\\$\\{\\{ matrix\\.shard }}/(\\d+)").matcher(shardStep);
        assertThat(count.find(), equalTo(true));
        int shards = Integer.parseInt(count.group(1));
        for (int i = 1; i <= shards; i++) {
            runShard(i + "/" + shards, folder.resolve("reports/shard-" + i));
        }
        // WHEN the merge step's arguments run, in the job's working folder
        Matcher args = EXEC_ARGS.matcher(mergeStep);
        assertThat(args.find(), equalTo(true));
        String[] merge = args.group(1).replace("reports/", folder.resolve("reports") + "/").split(" ");
        StringWriter out = new StringWriter();
        int exit = dev.dataversebdd.cli.CliAccess.run(new PrintWriter(out, true), merge);
        // THEN one run's reports, holding every scenario of the shards
        assertThat(out.toString(), exit, equalTo(0));
        JsonNode summary = new ObjectMapper().readTree(Files.readAllBytes(folder.resolve("reports/merged/conformance/matrix.json")))
                .path("summary");
        assertThat(summary.path("scenarios").asInt(), equalTo(scenarioCount()));
        assertThat(out.toString(), summary.path("failed").asInt(), equalTo(0));
    }

    private static final String PART = "features/associate";

    private static void runShard(String shard, Path reports) {
        System.setProperty("dataverse.shard", shard);
        try {
            LauncherFactory.create().execute(request().selectors(selectDirectory(PART)).filters(includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                    .configurationParameter("cucumber.plugin", "dev.dataversebdd.conformance.ConformancePlugin:"
                            + reports.resolve("conformance")).build());
        } finally {
            System.clearProperty("dataverse.shard");
        }
    }

    private static int scenarioCount() {
        var plan = LauncherFactory.create().discover(request().selectors(selectDirectory(PART))
                .filters(includeEngines("cucumber")).configurationParameter("cucumber.glue", "dev.dataversebdd.steps").build());
        return (int) plan.countTestIdentifiers(t -> t.isTest());
    }
}

package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.dataversebdd.DocumentedCommands.Command;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every command the project's documents tell a user to run is run by the build or the CI, exactly as written, from a
 * clean copy of the repository: the files git tracks (and new ones it does not ignore), without the target/ and
 * reports/ of this checkout, so that nothing an earlier run left hides a command that fails on a fresh clone (as
 * {@code mvn -B install -DskipTests} once did). A command a document adds without a line here fails the first test.
 */
class ReadmeCommandsIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String RUN_ID = "dvbdd-20260101T000000Z-0000";
    private static final Duration LONGEST_COMMAND = Duration.ofMinutes(8);

    /** How a documented command is covered. */
    private sealed interface Coverage {
    }

    /** Run by {@link #should_run_each_documented_command_on_a_clean_copy_as_written}; the check reads its result. */
    private record RunHere(String in, Consumer<Result> check) implements Coverage {
    }

    /** Started here (it serves until stopped): ready once its output names {@code ready}, then checked, then stopped. */
    private record ServeHere(String in, String ready, Consumer<String> check) implements Coverage {
    }

    /** The test command: {@code .ci/run} runs it on a clean clone. */
    private record RunByCi() implements Coverage {
    }

    /** Not run by the build, and why; the note says what runs the same code path instead. */
    private record NotRunHere(String reason) implements Coverage {
    }

    private record Result(int exitCode, String output) {
    }

    /** In the order they run: each command may use what the ones before it built. */
    private static final Map<String, Coverage> CATALOGUE = catalogue();

    private static Map<String, Coverage> catalogue() {
        Map<String, Coverage> c = new LinkedHashMap<>();
        c.put("mvn -B verify", new RunByCi());
        c.put("mvn -B install -DskipTests", new RunHere(".", r -> {
            assertThat(r.output(), containsString("BUILD SUCCESS"));
            assertThat("-DskipTests runs no test", r.output(), not(containsString("Tests run:")));
            assertThat(Files.exists(copy("target/dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar")), equalTo(true));
        }));
        c.put("mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack "
                + "-Dartifact=dev.dataversebdd:dataverse-bdd:0.1.0-SNAPSHOT:jar:sources "
                + "-DoutputDirectory=target/dataverse-bdd-sources", new RunHere(".", r -> assertThat(r.output(),
                        Files.exists(copy("target/dataverse-bdd-sources/dev/dataversebdd/steps/RowSteps.java")),
                        equalTo(true))));
        c.put("mvn -B package -DskipTests", new RunHere(".", r -> assertThat(r.output(), containsString("BUILD SUCCESS"))));
        c.put("mvn -B -Pconformance verify", new RunHere(".", r -> {
            assertThat(r.output(), containsString("BUILD SUCCESS"));
            for (String report : List.of("reports/allure-report/index.html", "reports/cucumber/cucumber.html",
                    "reports/cucumber/cucumber.json", "reports/conformance/matrix.html",
                    "reports/conformance/matrix.json")) {
                assertThat(report + " written", Files.exists(copy(report)), equalTo(true));
            }
        }));
        c.put("mvn -B -o test -Dtest=StepReferenceTest -Dsteps.reference.write=true", new RunHere(".", r -> {
            assertThat(r.output(), containsString("BUILD SUCCESS"));
            for (String generated : List.of("src/site/markdown/steps.md",
                    "src/main/resources/dev/dataversebdd/steps/steps.json")) {
                assertThat(generated + " is regenerated as committed", contentOf(copy(generated)),
                        equalTo(contentOf(ROOT.resolve(generated))));
            }
        }));
        c.put("mvn -q compile exec:java -Dexec.args=\"--port 5555\"", new ServeHere(".",
                "http://127.0.0.1:5555/api/data/v9.2/", ReadmeCommandsIT::answersAccounts));
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar --help | --version", new RunHere("target", r -> {
            assertThat(r.exitCode(), equalTo(0));
            assertThat(r.output(), containsString("dataverse-bdd"));
        }));
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar emulator --port 5555", new ServeHere("target",
                "http://127.0.0.1:5555/api/data/v9.2/", ReadmeCommandsIT::answersAccounts));
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar conformance diff org/matrix.json emulator/matrix.json",
                new RunHere("target", r -> assertThat(r.output(), r.exitCode(), equalTo(0))));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar conformance diff org/matrix.json emulator/matrix.json "
                + "--out diff.json", new RunHere("target", r -> {
                    assertThat(r.output(), r.exitCode(), equalTo(0));
                    assertThat(Files.exists(copy("target/diff.json")), equalTo(true));
                }));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar emulator --metadata org-metadata.xml", new ServeHere(
                "target", "http://127.0.0.1:5555/api/data/v9.2/", ReadmeCommandsIT::answersAccounts));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar emulator --metadata-dir metadata/org", new ServeHere(
                "target", "http://127.0.0.1:5555/api/data/v9.2/", ReadmeCommandsIT::answersAccounts));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar emulator --behaviour-file behaviour-profile.properties",
                new ServeHere("target", "http://127.0.0.1:5555/api/data/v9.2/", ReadmeCommandsIT::answersAccounts));
        c.put("mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.SweepCommand -Dexec.args=\"--run <run id>\"",
                new RunHere(".", ReadmeCommandsIT::refusesWithoutALiveOrg));
        c.put("mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.SweepCommand -Dexec.args=\"--run <run id> --delete\"",
                new RunHere(".", ReadmeCommandsIT::refusesWithoutALiveOrg));

        String liveOrg = "needs a live org (credentials and an allow-listed host); LiveOrgTargetTest, LiveRunSafetyTest "
                + "and StandaloneJarIT run the same code against a token-protected stand-in org on loopback";
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar sweep --run <run id>", new NotRunHere(liveOrg));
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar conformance run --url "
                + "https://contoso-test.crm.dynamics.com/api/data/v9.2 --out report", new NotRunHere(liveOrg));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar conformance run --url "
                + "https://contoso-test.crm.dynamics.com/api/data/v9.2 [--tags \"@seed-v9.0\"] [--out conformance-report]",
                new NotRunHere(liveOrg));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar conformance run --url "
                + "http://127.0.0.1:5555/api/data/v9.2 --no-auth [--tags \"@seed-v9.0\"]", new NotRunHere("needs a "
                + "target already serving on port 5555; StandaloneJarIT runs the same command, --no-auth and the seed "
                + "tag, against an emulator that wants no token on a free port, and checks no request had a token"));
        c.put("mvn -B -Pconformance verify -Ddataverse.compare-with=emulator", new NotRunHere(liveOrg));
        c.put("mvn -B verify -Ddataverse.profile=uat", new NotRunHere(liveOrg));
        String capture = "needs a live org (credentials and an allow-listed host); MetadataCaptureRoundTripTest runs "
                + "MetadataPullCommand's main against a token-protected stand-in org on loopback";
        c.put("java -jar dataverse-bdd-<version>-standalone.jar metadata pull --url https://contoso-test.crm.dynamics.com "
                + "--out metadata/org --tables cr123_project,contact", new NotRunHere(capture));
        c.put("mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.MetadataPullCommand -Dexec.args=\"--url "
                + "https://contoso-test.crm.dynamics.com --out metadata/org\"", new NotRunHere(capture));
        String recording = "needs a recording of a live run; CommandsTest replays one made against a stand-in org";
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar conformance replay org.jsonl", new NotRunHere(recording));
        c.put("java -jar …-standalone.jar conformance replay org.jsonl", new NotRunHere(recording));
        c.put("java -jar dataverse-bdd-<version>-standalone.jar conformance replay org.jsonl "
                + "[--behaviour-file behaviour-profile.properties]", new NotRunHere(recording));
        c.put("java -jar dataverse-bdd-0.1.0-SNAPSHOT-standalone.jar health --port 5555", new NotRunHere(
                "StandaloneJarIT runs health against the jar's emulator on a free port, and on a port where none listens"));
        String docker = "no Docker daemon on build machines; src/main/docker/verify-image.sh builds and runs the same "
                + "image with podman and runc (as root, by hand)";
        c.put("docker build -f src/main/docker/Dockerfile -t dataverse-bdd-emulator .", new NotRunHere(docker));
        c.put("docker run --rm -p 127.0.0.1:5555:5555 dataverse-bdd-emulator", new NotRunHere(docker));
        c.put("docker run --rm -p 127.0.0.1:6000:6000 dataverse-bdd-emulator emulator --host 0.0.0.0 --port 6000",
                new NotRunHere(docker));
        c.put("mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dataversebdd.bench.Benchmark",
                new NotRunHere("about 4 minutes of load on 2 cores; BenchmarkSmokeTest runs the same harness with --quick"));
        c.put("mvn -B -q test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=dev.dataversebdd.conformance.MatrixInChromium", new NotRunHere(
                "needs Debian's chromium, which build machines lack; ConformanceMatrixTest checks the page's structure"));
        c.put("mvn -B -q test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=dev.dataversebdd.report.CucumberHtmlInChromium", new NotRunHere(
                "needs Debian's chromium, which build machines lack; ReportsOfARunTest and CucumberHtmlTest check the "
                + "page's text"));
        c.put("mvn -B -q test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=dev.dataversebdd.mutation.MutationHarness", new NotRunHere("the suite against each of "
                + "the mutants, about 25 minutes on 2 cores; MutationScoreTest runs the same harness on each mutant's "
                + "two sentinel scenarios, and fails below 100 %"));
        String wholeSuite = "a further whole run of the suite (about a minute each); the test command runs the suite "
                + "once, the main job above once more";
        c.put("mvn -B -Pconformance verify -Ddataverse.emulator.behaviour-file="
                + "reports/conformance/behaviour-profile.properties", new NotRunHere(wholeSuite
                + "; CalibrationTest loads a behaviour profile into the emulator"));
        c.put("mvn -B verify -Dcucumber.execution.parallel.enabled=true -Dcucumber.execution.parallel.config.strategy=fixed "
                + "-Dcucumber.execution.parallel.config.fixed.parallelism=2", new NotRunHere(wholeSuite));
        c.put("mvn -B -Pconformance verify -Dcucumber.features=features/associate,features/disassociate,features/rebind,"
                + "features/reads -Dreports.dir=$PWD/reports/shard-1", new NotRunHere(wholeSuite));
        c.put("mvn -B -Pconformance verify -Dcucumber.features=features/bind-on-create,features/update-bind,"
                + "features/activity-parties,features/errors,features/everyday,features/batch,features/security "
                + "-Dreports.dir=$PWD/reports/shard-2", new NotRunHere(wholeSuite));
        c.put("mvn -B -Pconformance allure:install allure:report -Dreports.dir=$PWD/reports/merged",
                new NotRunHere(wholeSuite));
        c.put("mvn -B -Pconformance verify -Ddataverse.shard=<i>/3 -Dreports.dir=$PWD/reports/shard-<i>",
                new NotRunHere(wholeSuite + " per shard; ShardingTest splits the suite by the same setting, CiRecipesTest "
                        + "and ConformanceMergeCommandTest run shards of it in the JVM"));
        c.put("mvn -B -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.Main -Dexec.args=\"conformance merge "
                + "--out reports/merged reports/shard-1 reports/shard-2 reports/shard-3\"", new NotRunHere("needs the "
                + "reports of three shards; CiRecipesTest runs this step's arguments on three shards it runs"));
        return c;
    }

    @Test
    void should_know_how_each_documented_command_is_run_and_list_no_command_the_documents_dropped() throws IOException {
        List<Command> documented = DocumentedCommands.in(ROOT);
        List<String> uncovered = documented.stream().filter(command -> !CATALOGUE.containsKey(command.text()))
                .map(command -> command.where() + ": " + command.text()).toList();
        assertThat("commands the documents give that no build step runs: add each to ReadmeCommandsIT's catalogue "
                + "(run it here, or say why it cannot run)", uncovered, empty());
        Set<String> stillDocumented = documented.stream().map(Command::text).collect(Collectors.toSet());
        List<String> stale = CATALOGUE.keySet().stream().filter(command -> !stillDocumented.contains(command)).toList();
        assertThat("catalogued commands no document gives any more", stale, empty());
    }

    @Test
    void should_run_each_documented_command_on_a_clean_copy_as_written() throws Exception {
        // GIVEN a clean copy of the repository, as a fresh clone has it
        copyTheRepository();
        // WHEN each command runs, in the catalogue's order, THEN each does what its document says
        for (Map.Entry<String, Coverage> entry : CATALOGUE.entrySet()) {
            String command = entry.getKey().replace("<run id>", RUN_ID).replace("<version>", "0.1.0-SNAPSHOT");
            if (entry.getValue() instanceof RunHere run) {
                for (String each : alternatives(command)) {
                    prepareFor(each);
                    run.check().accept(run(each, run.in()));
                }
            } else if (entry.getValue() instanceof ServeHere serve) {
                prepareFor(command);
                serve(command, serve);
            }
        }
    }

    /** {@code x --help | --version} documents two commands. */
    private static List<String> alternatives(String command) {
        if (!command.contains(" | ")) {
            return List.of(command);
        }
        String[] parts = command.split(" \\| ");
        String program = parts[0].substring(0, parts[0].lastIndexOf(' '));
        List<String> each = new ArrayList<>(List.of(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            each.add(program + " " + parts[i]);
        }
        return each;
    }

    /** What a command's document says the user has at hand when running it. */
    private static void prepareFor(String command) throws IOException {
        if (command.contains("--metadata org-metadata.xml")) {
            // an org's $metadata: the custom-table consumer project's
            Files.copy(copy("src/it/consumer-custom-table/metadata/org-metadata.xml"), copy("target/org-metadata.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (command.contains("--metadata-dir metadata/org")) {
            // a capture metadata pull wrote: the custom-table consumer project's
            Path capture = copy("target/metadata/org");
            Files.createDirectories(capture);
            try (java.util.stream.Stream<Path> files = Files.list(copy("src/it/consumer-custom-table/metadata/capture"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, capture.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (command.contains("--behaviour-file behaviour-profile.properties")) {
            // the profile a live conformance run writes: here, one that switches a behaviour from its default
            Files.writeString(copy("target/behaviour-profile.properties"), "bind-null=rejected\n");
        }
        if (command.contains("conformance diff org/matrix.json emulator/matrix.json")) {
            // two runs' matrices: here, the main job's matrix, compared with itself
            for (String side : List.of("org", "emulator")) {
                Files.createDirectories(copy("target/" + side));
                Files.copy(copy("reports/conformance/matrix.json"), copy("target/" + side + "/matrix.json"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void refusesWithoutALiveOrg(Result result) {
        assertThat(result.output(), result.exitCode(), equalTo(2));
        assertThat(result.output(), containsString("DATAVERSE_TARGET"));
    }

    private static void answersAccounts(String serviceRoot) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serviceRoot + "accounts?$select=name")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body(), answer.statusCode(), equalTo(200));
            assertThat(answer.body(), containsString("\"value\""));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the emulator at " + serviceRoot + " does not answer: " + e, e);
        }
    }

    private static Result run(String command, String in) throws Exception {
        Process process = start(command, in);
        boolean ended = process.waitFor(LONGEST_COMMAND.toMinutes(), TimeUnit.MINUTES);
        if (!ended) {
            stop(process);
        }
        String output = Files.readString(log(command), StandardCharsets.UTF_8);
        assertThat("`" + command + "` ended within " + LONGEST_COMMAND + "\n" + tail(output), ended, equalTo(true));
        return new Result(process.exitValue(), output);
    }

    private static void serve(String command, ServeHere serve) throws Exception {
        Process process = start(command, serve.in());
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.readString(log(command)).contains(serve.ready())) {
                assertThat("`" + command + "` serves\n" + tail(Files.readString(log(command))), process.isAlive()
                        && System.nanoTime() < deadline, equalTo(true));
                Thread.sleep(200);
            }
            serve.check().accept(serve.ready());
        } finally {
            stop(process);
        }
    }

    /** Runs the command with bash in the copy, as a user types it, with no dataverse setting of this machine's. */
    private static Process start(String command, String in) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(copy(in).toFile())
                .redirectErrorStream(true).redirectOutput(log(command).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATAVERSE_"));
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    /** A clean copy: what git tracks, plus new files it does not ignore, from this working tree. */
    private static void copyTheRepository() throws Exception {
        Path copy = copy(".");
        if (Files.exists(copy)) {
            try (var walk = Files.walk(copy)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Process files = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String listing = new String(files.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("git ls-files in " + ROOT + ": " + listing, files.waitFor(), equalTo(0));
        for (String file : listing.split("\0")) {
            Path from = ROOT.resolve(file);
            if (!file.isEmpty() && Files.isRegularFile(from)) {
                Path to = copy.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectories(copy.resolve("logs"));
    }

    private static Path copy(String path) {
        return ROOT.resolve("target/readme-commands/clone").resolve(path).normalize();
    }

    /** Each command's output, kept for when it fails: target/readme-commands/clone/logs/<command>.log. */
    private static Path log(String command) {
        return copy("logs").resolve(command.replaceAll("[^A-Za-z0-9.-]+", "_") + ".log");
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

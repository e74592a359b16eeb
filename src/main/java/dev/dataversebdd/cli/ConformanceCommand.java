package dev.dataversebdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataversebdd.conformance.MatrixDiff;
import dev.dataversebdd.conformance.Replay;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code conformance diff <org matrix.json> <emulator matrix.json> [--out diff.json]}: compares two runs' conformance
 * matrices (say, the main job against a live org and against the emulator), prints the fidelity score and every
 * differing cell, writes them as JSON when asked, and exits 0 only when no cell differs.
 * {@code conformance replay <recording.jsonl> [--behaviour-file F]}: replays a recording against a fresh embedded
 * emulator and prints every answer that differs; exits 0 only when none does.
 * {@code conformance run --url <service root> [--tags EXPR] [--out DIR]}: runs the packaged conformance suite
 * against any URL with the rules of a live run, writing the Cucumber reports and the matrix to DIR.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConformanceCommand {

    static final String USAGE = """
            usage: conformance run --url <service root> [--tags EXPR] [--out DIR]
              runs the packaged conformance suite against any Dataverse Web API (an org, another emulator) with the
              rules of a live run: it touches only rows it creates and removes them. Credentials and the hosts
              allowed come from the environment as for a live run: DATAVERSE_ALLOWED_HOSTS and DATAVERSE_TOKEN, or
              DATAVERSE_TENANT_ID, DATAVERSE_CLIENT_ID and DATAVERSE_CLIENT_SECRET. Writes DIR/cucumber/ (HTML, JSON,
              JUnit XML) and DIR/conformance/ (matrix, behaviour profile); DIR defaults to conformance-report.
              Exit code: 0 when every scenario conformed, 1 when one did not, 2 on a usage error.
            usage: conformance replay <recording.jsonl> [--behaviour-file FILE]
              replays a recording (dataverse.record=FILE) against a fresh embedded emulator, optionally calibrated
              with a behaviour profile, and prints every answer that differs from the recorded one (ids mapped,
              ETags and hosts normalised). Exit code: 0 when none differs, 1 when some do, 2 on an error.
            usage: conformance diff <left matrix.json> <right matrix.json> [--out FILE]
              compares two runs' reports/conformance/matrix.json (e.g. a live org's and the emulator's): prints the
              fidelity score (cells equal / cells both exercised) and every cell that differs; --out writes them as
              JSON. Exit code: 0 when no cell differs, 1 when some do, 2 on a usage or file error.
            """;

    private ConformanceCommand() {
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args) {
        List<String> words = List.of(args);
        if (words.size() == 1 && (words.get(0).equals("--help") || words.get(0).equals("-h"))) {
            System.out.print(USAGE);
            return 0;
        }
        if (!words.isEmpty() && words.get(0).equals("replay")) {
            return replay(words);
        }
        if (!words.isEmpty() && words.get(0).equals("run")) {
            return runSuite(words.subList(1, words.size()));
        }
        if (words.size() < 3 || !words.get(0).equals("diff") || words.size() == 4 || words.size() > 5
                || words.size() == 5 && !words.get(3).equals("--out")) {
            System.err.print(USAGE);
            return 2;
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            JsonNode left = read(json, Path.of(words.get(1)));
            JsonNode right = read(json, Path.of(words.get(2)));
            MatrixDiff diff = new MatrixDiff(left, right);
            System.out.printf("fidelity: %.1f%% of the cells both runs exercised are equal%n", diff.fidelity() * 100);
            diff.differingCells().forEach(cell -> System.out.println("differs: " + cell));
            if (words.size() == 5) {
                Files.writeString(Path.of(words.get(4)), json.writeValueAsString(diff.toJson("left", "right")));
            }
            return diff.differingCells().isEmpty() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** The packaged suite through Cucumber's own runner, against the URL, with the settings of a live run. */
    private static int runSuite(List<String> options) {
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (int i = 0; i + 1 < options.size(); i += 2) {
            given.put(options.get(i), options.get(i + 1));
        }
        if (options.size() % 2 != 0 || !given.containsKey("--url")
                || !java.util.Set.of("--url", "--tags", "--out").containsAll(given.keySet())) {
            System.err.print(USAGE);
            return 2;
        }
        Path out = Path.of(given.getOrDefault("--out", "conformance-report")).toAbsolutePath();
        java.util.regex.Matcher root = java.util.regex.Pattern.compile("^(https?://[^/]+)(?:/api/data/(v\\d\\.\\d))?/?$")
                .matcher(given.get("--url"));
        if (!root.matches()) {
            System.err.println("error: --url takes a service root such as https://contoso-test.crm.dynamics.com/api/data/v9.2"
                    + " (or the org URL alone), not '" + given.get("--url") + "'");
            return 2;
        }
        System.setProperty("dataverse.target", "live");
        System.setProperty("dataverse.url", root.group(1));
        if (root.group(2) != null) {
            System.setProperty("dataverse.api-version", root.group(2));
        }
        List<String> cucumber = new java.util.ArrayList<>(List.of("--glue", "dev.dataversebdd.steps",
                "--plugin", "dev.dataversebdd.steps.StepLines", "--plugin", "summary",
                "--plugin", "html:" + out.resolve("cucumber/cucumber.html"),
                "--plugin", "json:" + out.resolve("cucumber/cucumber.json"),
                "--plugin", "junit:" + out.resolve("cucumber/cucumber-junit.xml"),
                "--plugin", "dev.dataversebdd.conformance.ConformancePlugin:" + out.resolve("conformance")));
        if (given.containsKey("--tags")) {
            cucumber.addAll(List.of("--tags", given.get("--tags")));
        }
        cucumber.add("classpath:dev/dataversebdd/features");
        byte status;
        try {
            status = io.cucumber.core.cli.Main.run(cucumber.toArray(String[]::new),
                    Thread.currentThread().getContextClassLoader());
        } catch (RuntimeException e) { // a configuration error: said once, without a stack trace
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        System.out.println("conformance: reports in " + out + (status == 0 ? "; every scenario conformed"
                : "; some scenarios did not conform (see conformance/matrix.html)"));
        return status == 0 ? 0 : 1;
    }

    private static int replay(List<String> words) {
        if (words.size() != 2 && !(words.size() == 4 && words.get(2).equals("--behaviour-file"))) {
            System.err.print(USAGE);
            return 2;
        }
        try {
            BehaviourProfile profile = words.size() == 4 ? BehaviourProfile.defaults().withFile(Path.of(words.get(3)))
                    : BehaviourProfile.defaults();
            try (DataverseEmulator emulator = DataverseEmulator.builder().profile(profile).start()) {
                List<Replay.Difference> differences = new Replay(emulator.baseUri()).replay(Path.of(words.get(1)));
                differences.forEach(d -> System.out.println("differs: " + d));
                System.out.println(differences.isEmpty() ? "replay: every answer as recorded"
                        : "replay: " + differences.size() + " answer(s) differ");
                return differences.isEmpty() ? 0 : 1;
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static JsonNode read(ObjectMapper json, Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " does not exist or cannot be read (a run of the suite writes "
                    + "reports/conformance/matrix.json)");
        }
        JsonNode matrix = json.readTree(file.toFile());
        if (!"dataverse-bdd/conformance-matrix".equals(matrix.path("schema").asText())) {
            throw new IllegalArgumentException(file + " is not a conformance matrix (no \"schema\": "
                    + "\"dataverse-bdd/conformance-matrix\")");
        }
        return matrix;
    }
}

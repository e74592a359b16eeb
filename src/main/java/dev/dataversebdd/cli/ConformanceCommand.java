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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConformanceCommand {

    static final String USAGE = """
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
        if (!words.isEmpty() && words.get(0).equals("replay")) {
            return replay(words);
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

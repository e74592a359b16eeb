package dev.dataversebdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataversebdd.conformance.MatrixDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The last step of the differential run ({@code -Ddataverse.compare-with=emulator}): compares the configured
 * target's matrix with the emulator's, writes the differences and the fidelity score, and prints them. A difference
 * is information, not a failure; a missing matrix is (a side did not run). Runs inside Maven's JVM, so it throws
 * rather than exiting.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class CompareRunsCommand {

    private CompareRunsCommand() {
    }

    /** @param args the target's matrix.json, the emulator's matrix.json, the diff.json to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CompareRunsCommand <target matrix.json> <emulator matrix.json> <diff.json>");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode target = read(json, Path.of(args[0]));
        JsonNode emulator = read(json, Path.of(args[1]));
        MatrixDiff diff = new MatrixDiff(target, emulator);
        Files.writeString(Path.of(args[2]), json.writeValueAsString(diff.toJson("target", "emulator")));
        System.out.printf("differential run: %s against the embedded emulator, fidelity %.1f%%, %d differing cell(s); "
                + "details in %s%n", target.path("target").path("description").asText("the target"),
                diff.fidelity() * 100, diff.differingCells().size(), args[2]);
        diff.differingCells().forEach(cell -> System.out.println("  differs: " + cell));
    }

    private static JsonNode read(ObjectMapper json, Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no conformance matrix at " + file + ": that side of the differential run did "
                    + "not run its scenarios (see the failsafe reports)");
        }
        return json.readTree(file.toFile());
    }
}

package dev.dataversebdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataversebdd.conformance.MatrixDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conformance diff <left matrix.json> <right matrix.json> [--out FILE]}: compares two runs' conformance
 * matrices (say, the main job against a live org and against the emulator), prints the fidelity score and every
 * differing cell, writes them as JSON when asked, and exits 0 only when no cell differs.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
@Command(name = "diff", sortOptions = false,
        description = {"Compares two runs' reports/conformance/matrix.json (e.g. a live org's and the emulator's): prints "
                + "the fidelity score (cells equal / cells both exercised) and every cell that differs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no cell differs", "1:some cells differ", "2:a usage error, or a file that is no matrix"})
public final class ConformanceDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<left matrix.json>", description = "one run's matrix")
    Path left;

    @Parameters(index = "1", paramLabel = "<right matrix.json>", description = "the other run's matrix")
    Path right;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the differing cells there, as JSON")
    Path out;

    ConformanceDiffCommand() {
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        MatrixDiff diff = new MatrixDiff(read(json, left), read(json, right));
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf("fidelity: %.1f%% of the cells both runs exercised are equal%n", diff.fidelity() * 100);
        diff.differingCells().forEach(cell -> printed.println("differs: " + cell));
        int strengthOnly = diff.strengthOnlyChanges().size();
        if (strengthOnly > 0) { // e.g. a live org's cells are on the wire, the emulator's are not: no difference
            printed.printf("%d cell(s) equal but for their strength (scenarios backing them, on the wire or not): not "
                    + "differences%s%n", strengthOnly, out == null ? "" : ", listed under strengthOnly in " + out);
        }
        if (out != null) {
            Files.writeString(out, json.writeValueAsString(diff.toJson("left", "right")));
        }
        return diff.differingCells().isEmpty() ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
    }

    private JsonNode read(ObjectMapper json, Path file) {
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), file + " does not exist or cannot be read (a run of the "
                    + "suite writes reports/conformance/matrix.json)");
        }
        JsonNode matrix;
        try {
            matrix = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), file + " is not JSON: " + e.getMessage());
        }
        if (!"dataverse-bdd/conformance-matrix".equals(matrix.path("schema").asText())) {
            throw new ParameterException(spec.commandLine(), file + " is not a conformance matrix (no \"schema\": "
                    + "\"dataverse-bdd/conformance-matrix\")");
        }
        return matrix;
    }
}

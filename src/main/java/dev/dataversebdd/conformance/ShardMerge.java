package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The reports of a suite's shards (one reports folder per CI job: {@code conformance/}, {@code allure-results/},
 * {@code cucumber/cucumber.json}) made into the reports of one run: the merged matrix and behaviour profile
 * ({@link MatrixMerge}), every shard's Allure results in one folder with one "Conformance matrix" result instead of
 * one per shard, and one Cucumber JSON (the durations file the next run's shards are balanced by).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ShardMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardMerge() {
    }

    /** Merges {@code shards} into {@code out}; returns the merged matrix's summary. Refuses a shard with no matrix. */
    public static JsonNode merge(List<Path> shards, Path out) throws IOException {
        List<Path> matrices = new ArrayList<>();
        for (Path shard : shards) {
            Path matrix = shard.resolve("conformance/matrix.json");
            if (!Files.isRegularFile(matrix)) {
                throw new IllegalArgumentException("no conformance/matrix.json in " + shard + ": give the reports folder "
                        + "of each shard (its -Dreports.dir, or conformance run --out)");
            }
            matrices.add(matrix);
        }
        Path allure = out.resolve("allure-results");
        boolean anyAllure = false;
        for (Path shard : shards) {
            anyAllure |= copyAllure(shard.resolve("allure-results"), allure);
        }
        mergeCucumberJson(shards, out.resolve("cucumber/cucumber.json"));
        return MatrixMerge.write(MatrixMerge.merge(matrices), out.resolve("conformance"), anyAllure ? allure : null)
                .path("summary");
    }

    /** Every result and attachment of a shard but its own matrix result (the merged one replaces them). */
    private static boolean copyAllure(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return false;
        }
        Files.createDirectories(to);
        Set<String> skipped = new HashSet<>();
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-result.json") && "dataverse-bdd-conformance-matrix".equals(
                        JSON.readTree(Files.readAllBytes(file)).path("historyId").asText())) {
                    skipped.add(name.substring(0, name.length() - "-result.json".length()));
                }
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (skipped.stream().noneMatch(name::startsWith) && Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return true;
    }

    private static void mergeCucumberJson(List<Path> shards, Path out) throws IOException {
        ArrayNode features = JSON.createArrayNode();
        boolean any = false;
        for (Path shard : shards) {
            Path file = shard.resolve("cucumber/cucumber.json");
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                JSON.readTree(Files.readAllBytes(file)).forEach(features::add);
                any = true;
            }
        }
        if (any) {
            Files.createDirectories(out.getParent());
            Files.writeString(out, JSON.writeValueAsString(features), StandardCharsets.UTF_8);
        }
    }
}

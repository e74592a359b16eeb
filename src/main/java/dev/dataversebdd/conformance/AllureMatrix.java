package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The matrix inside the Allure report: one result named "Conformance matrix" (suite "conformance"), failed when a
 * cell differs, with the page and the JSON attached, written straight into Allure's results folder as Allure's own
 * file format describes (a {@code *-result.json} and its attachment files).
 */
final class AllureMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureMatrix() {
    }

    /** @param matrix the matrix as {@link ConformanceMatrix#toJson()} gives it */
    static void write(Path results, ObjectNode matrix, String html) throws IOException {
        Files.createDirectories(results);
        String id = UUID.randomUUID().toString();
        String page = id + "-matrix-attachment.html";
        String data = id + "-matrix-attachment.json";
        Files.writeString(results.resolve(page), html, StandardCharsets.UTF_8);
        Files.writeString(results.resolve(data), JSON.writeValueAsString(matrix), StandardCharsets.UTF_8);
        JsonNode summary = matrix.path("summary");
        long now = System.currentTimeMillis();
        ObjectNode result = JSON.createObjectNode();
        result.put("uuid", id);
        result.put("historyId", "dataverse-bdd-conformance-matrix");
        result.put("name", "Conformance matrix");
        result.put("fullName", "dev.dataversebdd.conformance.Conformance matrix");
        result.put("status", summary.path("differing").asInt() == 0 ? "passed" : "failed");
        result.put("description", summary.path("cells").asInt() + " cells exercised, " + summary.path("conforming").asInt()
                + " conform, " + summary.path("differing").asInt() + " differ, " + summary.path("singleScenarioCells").asInt()
                + " backed by a single scenario (reports/conformance/matrix.html)");
        result.put("stage", "finished");
        result.put("start", now);
        result.put("stop", now);
        ArrayNode labels = result.putArray("labels");
        labels.addObject().put("name", "suite").put("value", "conformance");
        ArrayNode attachments = result.putArray("attachments");
        attachments.addObject().put("name", "matrix.html").put("source", page).put("type", "text/html");
        attachments.addObject().put("name", "matrix.json").put("source", data).put("type", "application/json");
        Files.writeString(results.resolve(id + "-result.json"), JSON.writeValueAsString(result), StandardCharsets.UTF_8);
    }
}

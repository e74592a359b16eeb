package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Replays a recording ({@link dev.dataversebdd.report.Recording}) against another target, normally the emulator, and
 * reports every answer that differs: another status, another error code, another {@code OData-EntityId}, or another
 * body once ids are mapped (a row the target created under another id is the same row), ETags and hosts
 * normalised, and rows of unordered collections compared as sets. {@code $metadata} is not compared (an org's
 * schema is its own); {@code $batch} answers are compared part status by part status.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Replay {

    /** An answer that differs from the recorded one. */
    public record Difference(int line, String method, String target, String recorded, String replayed) {
        @Override
        public String toString() {
            return "line " + line + ": " + method + " " + target + ": recorded " + recorded + ", replayed " + replayed;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ETAG = Pattern.compile("W/\\\\?\"\\d+\\\\?\"");
    private static final Pattern PART_STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    private final HttpClient client = HttpClient.newHttpClient();
    private final String origin;
    private final Map<String, String> recordedToReplayed = new HashMap<>();
    private final Map<String, String> replayedToRecorded = new HashMap<>();

    /** @param origin scheme and authority of the target to replay against, e.g. {@code http://127.0.0.1:5555} */
    public Replay(String origin) {
        this.origin = origin.replaceAll("/+$", "");
    }

    public List<Difference> replay(Path recording) throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(recording, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !"dataverse-bdd/recording".equals(JSON.readTree(lines.get(0)).path("format").asText())) {
            throw new IllegalArgumentException(recording + " is not a dataverse-bdd recording (its first line names the "
                    + "format dataverse-bdd/recording)");
        }
        List<Difference> differences = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            JsonNode exchange = JSON.readTree(lines.get(i));
            Difference difference = replay(i + 1, exchange);
            if (difference != null) {
                differences.add(difference);
            }
        }
        return differences;
    }

    private Difference replay(int line, JsonNode recorded) throws IOException, InterruptedException {
        String method = recorded.path("method").asText();
        String target = toReplay(recorded.path("target").asText());
        String url = target.startsWith("http") ? target : origin + target;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        for (Map.Entry<String, JsonNode> header : recorded.path("requestHeaders").properties()) {
            request.header(header.getKey(), toReplay(header.getValue().asText()));
        }
        String body = toReplay(recorded.path("requestBody").asText(""));
        request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String recordedEntityId = header(recorded.path("responseHeaders"), "OData-EntityId");
        String replayedEntityId = answer.headers().firstValue("OData-EntityId").orElse(null);
        learn(recordedEntityId, replayedEntityId);
        String recordedBody = recorded.path("responseBody").asText("");
        learnFromBodies(recordedBody, answer.body());
        String shownTarget = recorded.path("target").asText();
        if (recorded.path("status").asInt() != answer.statusCode()) {
            return new Difference(line, method, shownTarget, String.valueOf(recorded.path("status").asInt()),
                    answer.statusCode() + " " + abbreviate(answer.body()));
        }
        if (shownTarget.contains("$metadata")) {
            return null;
        }
        if (recordedEntityId != null && !recordedEntityId.equals(toRecorded(replayedEntityId))) {
            return new Difference(line, method, shownTarget, "OData-EntityId " + recordedEntityId,
                    "OData-EntityId " + toRecorded(replayedEntityId));
        }
        String expected = normalised(recordedBody, shownTarget);
        String actual = normalised(toRecorded(answer.body()), shownTarget);
        return expected.equals(actual) ? null : new Difference(line, method, shownTarget, abbreviate(expected),
                abbreviate(actual));
    }

    /** Bodies as compared: JSON with ETags blanked and unordered collections sorted; batch answers by part status. */
    private static String normalised(String body, String target) {
        if (body.startsWith("--")) {
            List<String> statuses = new ArrayList<>();
            Matcher m = PART_STATUS.matcher(body);
            while (m.find()) {
                statuses.add(m.group(1));
            }
            return "batch parts " + statuses;
        }
        String text = ETAG.matcher(body).replaceAll("W/\"*\"");
        JsonNode json;
        try {
            json = text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return text;
        }
        if (json == null) {
            return "";
        }
        if (json.has("error")) {
            return "error " + json.path("error").path("code").asText(); // messages may be worded otherwise
        }
        if (json.path("value").isArray() && !target.contains("$orderby") && json instanceof ObjectNode object) {
            List<JsonNode> rows = new ArrayList<>();
            json.path("value").forEach(rows::add);
            rows.sort(Comparator.comparing(JsonNode::toString));
            object.putArray("value").addAll(rows);
        }
        if (json instanceof ObjectNode object) {
            object.remove("@odata.nextLink"); // paging tokens are the server's own
        }
        return json.toString();
    }

    private void learn(String recorded, String replayed) {
        if (recorded == null || replayed == null) {
            return;
        }
        Matcher a = GUID.matcher(recorded);
        Matcher b = GUID.matcher(replayed);
        while (a.find() && b.find()) {
            pair(a.group(), b.group());
        }
    }

    /** Ids at the same place in the recorded and the replayed JSON are the same row. */
    private void learnFromBodies(String recorded, String replayed) {
        try {
            JsonNode a = recorded.isBlank() || recorded.startsWith("--") ? null : JSON.readTree(recorded);
            JsonNode b = replayed.isBlank() || replayed.startsWith("--") ? null : JSON.readTree(replayed);
            if (a != null && b != null) {
                walk(a, b);
            }
        } catch (IOException e) {
            // not JSON: nothing to learn from it
        }
    }

    private void walk(JsonNode a, JsonNode b) {
        if (a.isTextual() && b.isTextual()) {
            learn(a.asText(), b.asText());
        } else if (a.isObject() && b.isObject()) {
            a.fieldNames().forEachRemaining(name -> {
                if (b.has(name)) {
                    walk(a.get(name), b.get(name));
                }
            });
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), b.get(i));
            }
        }
    }

    private void pair(String recorded, String replayed) {
        String r = recorded.toLowerCase(Locale.ROOT);
        String n = replayed.toLowerCase(Locale.ROOT);
        if (!recordedToReplayed.containsKey(r) && !replayedToRecorded.containsKey(n)) {
            recordedToReplayed.put(r, n);
            replayedToRecorded.put(n, r);
        }
    }

    private String toReplay(String text) {
        return ids(text.replace("{org}", origin), recordedToReplayed);
    }

    private String toRecorded(String text) {
        return text == null ? null : ids(text, replayedToRecorded).replace(origin, "{org}");
    }

    private static String ids(String text, Map<String, String> mapping) {
        Matcher m = GUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String mapped = mapping.get(m.group().toLowerCase(Locale.ROOT));
            boolean same = mapped == null || mapped.equalsIgnoreCase(m.group()); // keeps an upper-case id as written
            m.appendReplacement(out, Matcher.quoteReplacement(same ? m.group() : mapped));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String header(JsonNode headers, String name) {
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asText();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

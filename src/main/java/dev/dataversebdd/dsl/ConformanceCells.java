package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a request a scenario checked in the conformance matrix: which operation (associate, the three disassociate
 * forms, rebind, bind on create, deep insert, PATCH bind or unbind, replace parties, batch, read), on which kind of
 * relationship (1:N from the parent, N:1, N:N, self-referential, multi-table lookup, activity party) and with which
 * reference form (absolute, root-relative, relative, other API version, percent-encoded, alternate key, upper-case
 * GUID). Read from the request as sent and the target's own {@code $metadata}, so any target is classified alike.
 */
final class ConformanceCells {

    /**
     * One cell a request exercised, with what the target answered; {@code limitedCaller} when it was sent on behalf
     * of another user ({@code MSCRMCallerID} or {@code CallerObjectId}), as a security scenario's limited user.
     */
    record Cell(String operation, String relationship, String form, String method, String target, int status,
                       String code, boolean limitedCaller) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^(?:https?://[^/]+)?/api/data/(v\\d\\.\\d)/([^?]*)(?:\\?(.*))?$");
    private static final Pattern VERSION = Pattern.compile("/api/data/(v\\d\\.\\d)/");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_$]+)(?:\\(([^)]*)\\))?");
    /** A GUID written in upper case: its letters are all upper case, and it has some. */
    private static final Pattern UPPER_GUID = Pattern.compile(
            "(?=[0-9A-F-]{0,35}[A-F])[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");

    private final ClientSchema schema;

    ConformanceCells(ClientSchema schema) {
        this.schema = schema;
    }

    /**
     * A scenario's record for the conformance matrix, as JSON: the target (description, host, whether it is a live
     * org), the cells of every request the scenario checked, and the modes each observed behaviour showed.
     */
    String record(List<RecordedExchange> checked, Map<String, Set<String>> behaviours,
                  String targetDescription, String serviceRoot, boolean live) {
        ObjectNode record = JSON.createObjectNode();
        ObjectNode target = record.putObject("target");
        target.put("description", targetDescription);
        target.put("host", URI.create(serviceRoot).getAuthority());
        target.put("live", live);
        ArrayNode cells = record.putArray("cells");
        for (RecordedExchange exchange : checked) {
            for (Cell cell : of(exchange)) {
                cells.add(JSON.valueToTree(cell));
            }
        }
        ObjectNode observed = record.putObject("behaviours");
        behaviours.forEach((key, modes) -> observed.set(key, JSON.valueToTree(new TreeSet<>(modes))));
        return record.toString();
    }

    /** The cells {@code exchange} exercised; none for a request the matrix does not place (e.g. metadata). */
    List<Cell> of(RecordedExchange exchange) {
        Matcher path = PATH.matcher(exchange.target());
        if (!path.matches()) {
            return List.of();
        }
        String version = path.group(1);
        String[] segments = path.group(2).split("/");
        String query = path.group(3);
        List<Cell> cells = new ArrayList<>();
        String method = exchange.method();
        if (segments[0].equals("$batch")) {
            return batchCells(exchange);
        }
        Matcher first = SEGMENT.matcher(segments[0]);
        Optional<ClientSchema.Table> table = first.matches() ? schema.table(first.group(1)) : Optional.empty();
        if (table.isEmpty()) {
            if (!segments[0].startsWith("$metadata")) { // a resource the target does not have: an error scenario's
                cells.add(cell(exchange, method + " of an unknown resource", "none", "none"));
            }
            return cells;
        }
        boolean keyed = first.group(2) != null;
        Optional<ClientSchema.Navigation> nav = segments.length > 1 ? table.get().navigation(navName(segments[1]))
                : Optional.empty();
        boolean ref = segments[segments.length - 1].equals("$ref");
        if (method.equals("GET")) {
            cells.add(cell(exchange, "read", nav.map(n -> kind(table.get(), n)).orElse("entity set"), "none"));
        } else if (method.equals("POST") && !keyed && segments.length == 1) {
            bodyCells(exchange, table.get(), version, cells, "bind on create");
        } else if (method.equals("POST") && ref && nav.isPresent()) {
            cells.add(cell(exchange, "associate", kind(table.get(), nav.get()), form(idIn(exchange.requestBody()), version)));
        } else if (method.equals("DELETE") && ref && nav.isPresent() && !nav.get().collection()) {
            cells.add(cell(exchange, "disassociate (single-valued)", kind(table.get(), nav.get()), "none"));
        } else if (method.equals("DELETE") && ref && nav.isPresent() && segments[1].contains("(")) {
            cells.add(cell(exchange, "disassociate (key segment)", kind(table.get(), nav.get()),
                    keyForm(segments[1].substring(segments[1].indexOf('(')))));
        } else if (method.equals("DELETE") && ref && nav.isPresent()) {
            cells.add(cell(exchange, "disassociate ($id)", kind(table.get(), nav.get()), form(idParameter(query), version)));
        } else if (method.equals("PUT") && ref && nav.isPresent()) {
            cells.add(cell(exchange, "rebind", kind(table.get(), nav.get()), form(idIn(exchange.requestBody()), version)));
        } else if (method.equals("PUT") && nav.isPresent() && nav.get().name().endsWith("_activity_parties")) {
            cells.add(cell(exchange, "replace parties", "activity party", "bind"));
        } else if (method.equals("PATCH") && keyed && segments.length == 1) {
            bodyCells(exchange, table.get(), version, cells, "bind on update");
        }
        if (cells.isEmpty()) { // anything else a scenario checks still shows in the matrix
            cells.add(cell(exchange, method + " " + (nav.isPresent() ? "on a navigation property" : segments.length > 1
                    ? "on an unknown segment" : keyed ? "on a row" : "on an entity set"),
                    nav.map(n -> kind(table.get(), n)).orElse("none"), "none"));
        }
        return cells;
    }

    /**
     * A batch's requests, each placed as it would be on its own but in the "batch" row: the kind of relationship and
     * the reference form it used (Content-ID included), with the answer it got (a rolled-back change set's error).
     */
    private List<Cell> batchCells(RecordedExchange exchange) {
        List<BatchWire.Group<BatchWire.Request>> requests;
        List<BatchWire.Group<BatchWire.Response>> answers;
        try {
            requests = BatchWire.readRequests(exchange.requestHeaders().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue).findFirst()
                    .orElse(""), exchange.requestBody());
            answers = BatchWire.read(exchange.responseHeader("Content-Type"), exchange.responseBody());
        } catch (IllegalArgumentException e) {
            return List.of(cell(exchange, "batch", "none", "multipart"));
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            List<BatchWire.Response> answered = i < answers.size() ? answers.get(i).items() : List.of();
            List<BatchWire.Request> parts = requests.get(i).items();
            for (int j = 0; j < parts.size(); j++) {
                BatchWire.Request part = parts.get(j);
                BatchWire.Response response = answered.isEmpty() ? null : answered.get(Math.min(j, answered.size() - 1));
                String url = part.url().startsWith("$") ? "/api/data/v9.2/" + part.url() : part.url();
                RecordedExchange single = new RecordedExchange(part.method(), exchange.baseUri(), url, part.headers(),
                        part.body(), response == null ? 0 : response.status(), response == null ? Map.of() : response.headers(),
                        response == null ? "" : response.body(), 0);
                for (Cell inner : part.url().startsWith("$") ? List.of(cell(single, "batch", "none", "Content-ID"))
                        : of(single)) {
                    String form = part.body() != null && part.body().contains("\"$") ? "Content-ID" : inner.form();
                    cells.add(new Cell("batch", inner.relationship(), form, inner.method(), inner.target(),
                            inner.status(), inner.code(), inner.limitedCaller() || single.requestHeaders().keySet()
                            .stream().anyMatch(h -> h.equalsIgnoreCase("MSCRMCallerID")
                                    || h.equalsIgnoreCase("CallerObjectId"))));
                }
            }
        }
        return cells.isEmpty() ? List.of(cell(exchange, "batch", "none", "multipart")) : cells;
    }

    /** Binds, unbinds and nested rows of a create or update body, one cell each. */
    private void bodyCells(RecordedExchange exchange, ClientSchema.Table table, String version, List<Cell> cells,
                           String bindOperation) {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.requestBody());
        } catch (IOException e) {
            return;
        }
        if (!(body instanceof ObjectNode object)) {
            return;
        }
        boolean create = bindOperation.equals("bind on create");
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.endsWith("@odata.bind")) {
                Optional<ClientSchema.Navigation> nav = table.navigation(name.substring(0, name.length() - "@odata.bind".length()));
                if (nav.isEmpty()) {
                    continue;
                }
                if (value.isNull()) {
                    cells.add(cell(exchange, "unbind (@odata.bind: null)", kind(table, nav.get()), "none"));
                } else {
                    String reference = value.isArray() && value.size() > 0 ? value.get(0).asText() : value.asText();
                    cells.add(cell(exchange, bindOperation, kind(table, nav.get()), form(reference, version)));
                }
            } else if (table.navigation(name).isPresent()) {
                ClientSchema.Navigation nav = table.navigation(name).get();
                if (value.isNull() && !create) {
                    cells.add(cell(exchange, "unbind (nav: null)", kind(table, nav), "none"));
                } else if (value.isObject() || value.isArray()) {
                    cells.add(cell(exchange, "deep insert", kind(table, nav), "nested row"));
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(cell(exchange, create ? "create" : "update", "none", "none"));
        }
    }

    /** The relationship kind a navigation property of {@code table} stands for. */
    private String kind(ClientSchema.Table table, ClientSchema.Navigation nav) {
        if (nav.name().endsWith("_activity_parties") || nav.targetTable().equals("activityparty")
                || nav.name().startsWith("partyid_")) {
            return "activity party";
        }
        if (nav.targetTable().equals(table.logicalName())) {
            return "self-referential";
        }
        if (!nav.collection()) {
            return nav.lookupProperty() != null && table.navigationsOfLookup(nav.lookupProperty()).size() > 1
                    ? "multi-table lookup" : "N:1";
        }
        return schema.childSide(nav).isPresent() ? "1:N from the parent" : "N:N";
    }

    /** How a row reference is written; the most telling trait wins. */
    static String form(String reference, String requestVersion) {
        if (reference == null || reference.isEmpty()) {
            return "none";
        }
        if (reference.startsWith("$")) {
            return "Content-ID";
        }
        String decoded = URLDecoder.decode(reference.replace("+", "%2B"), StandardCharsets.UTF_8);
        String key = decoded.contains("(") ? decoded.substring(decoded.lastIndexOf('(')) : "";
        if (key.contains("=")) {
            return "alternate key";
        }
        if (UPPER_GUID.matcher(key).find()) {
            return "upper-case GUID";
        }
        if (reference.matches("(?i).*%(2F|3A|28|29).*")) {
            return "percent-encoded";
        }
        Matcher version = VERSION.matcher(decoded);
        if (version.find() && !version.group(1).equals(requestVersion)) {
            return "other API version";
        }
        if (decoded.contains("://")) {
            return "absolute";
        }
        return decoded.startsWith("/") ? "root-relative" : "relative";
    }

    private static String keyForm(String key) {
        return key.contains("=") ? "alternate key" : UPPER_GUID.matcher(key).find() ? "upper-case GUID" : "key segment";
    }

    private static String navName(String segment) {
        int open = segment.indexOf('(');
        return open < 0 ? segment : segment.substring(0, open);
    }

    private static String idIn(String body) {
        try {
            return JSON.readTree(body).path("@odata.id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String idParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("$id=") || pair.startsWith("%24id=")) {
                return pair.substring(pair.indexOf('=') + 1);
            }
        }
        return null;
    }

    private static Cell cell(RecordedExchange exchange, String operation, String relationship, String form) {
        String code = null;
        try {
            code = JSON.readTree(exchange.responseBody()).path("error").path("code").asText(null);
        } catch (IOException | RuntimeException e) {
            code = null; // not JSON: no Dataverse error code
        }
        boolean limited = exchange.requestHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("MSCRMCallerID")
                || h.equalsIgnoreCase("CallerObjectId"));
        return new Cell(operation, relationship, form, exchange.method(), exchange.target(), exchange.status(), code,
                limited);
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.CreatedRow;
import dev.dataversebdd.safety.Prepared;
import dev.dataversebdd.safety.RowId;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Sends a {@link Batch}: every request passes the session's safety net first (on a live org nothing is sent unless
 * all of them may be), rows a change set creates are referenced by Content-ID by the requests after them, the
 * answer is read back into one exchange per request, and the rows a committed change set created become the
 * session's own. A rolled-back change set owns nothing.
 */
final class BatchExchange {

    /** The answer of one request of a batch, known once the batch has been sent. */
    static final class Answer {
        private RecordedExchange exchange;
        private String missing = "the batch holding this request has not been sent yet: call send() first";

        RecordedExchange exchange() {
            if (exchange == null) {
                throw new IllegalStateException(missing);
            }
            return exchange;
        }

        boolean answered() {
            return exchange != null;
        }

        void answered(RecordedExchange answer) {
            this.exchange = answer;
        }

        void missing(String why) {
            this.missing = why;
        }
    }

    /**
     * One request as sent: its answer slot, the request as the guard left it, whether it is in a change set, and the
     * DSL's entry for it (null for a GET part or a batch written by hand).
     */
    private record Sent(Answer answer, Prepared prepared, BatchWire.Request request, boolean inChangeSet,
                        ChangeSet.Entry entry) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Conversation conversation;
    private final Rows rows;
    private final Failures failures;
    private final String targetDescription;

    BatchExchange(Conversation conversation, Rows rows, String targetDescription) {
        this.conversation = conversation;
        this.rows = rows;
        this.failures = conversation.failures();
        this.targetDescription = targetDescription;
    }

    BatchOutcome send(List<Batch.Item> items, boolean continueOnError) {
        BatchWire wire = new BatchWire();
        List<List<Sent>> sent = new ArrayList<>();
        int contentId = 0;
        for (Batch.Item item : items) {
            if (item instanceof Batch.GetItem get) {
                Sent request = prepare(get.operation(), get.answer(), null, false, null);
                wire.single(request.request());
                sent.add(List.of(request));
                continue;
            }
            Map<UUID, String> pendingRows = new HashMap<>(); // a row created earlier in the change set: how to name it
            List<Sent> changes = new ArrayList<>();
            for (ChangeSet.Entry entry : ((Batch.ChangeSetItem) item).changeSet().entries()) {
                Sent request = prepare(resolve(entry.operation(), pendingRows), entry.answer(), String.valueOf(++contentId),
                        true, entry);
                if (entry.creates() != null) {
                    List<RowId> chosen = request.prepared().creates();
                    // a live org's guard chose the new row's id; on the emulator the Content-ID stands for it
                    pendingRows.put(entry.creates().id(), chosen.isEmpty() ? "$" + contentId : chosen.get(0).id().toString());
                }
                changes.add(request);
            }
            wire.changeSet(changes.stream().map(Sent::request).toList());
            sent.add(changes);
        }
        Map<String, String> headers = continueOnError ? Map.of("Prefer", "odata.continue-on-error") : Map.of();
        return exchange(sent, wire.contentType(), wire.body(), headers);
    }

    /**
     * A batch written by hand (its first line names the boundary). The embedded emulator gets it byte for byte; on a
     * live org every request of it passes the guard first, and it is sent as the guard left them, so a request the
     * guard cannot check (a Content-ID reference it cannot resolve, an unreadable body) stops it unsent.
     */
    BatchOutcome sendWritten(String body, Map<String, String> headers) {
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        if (!firstLine.startsWith("--") || firstLine.length() < 3) {
            throw new IllegalArgumentException("a batch body starts with its boundary line, e.g. --batch_AAA123; this "
                    + "one starts with '" + firstLine + "'");
        }
        String contentType = "multipart/mixed; boundary=" + firstLine.substring(2);
        boolean guarded = conversation.safety().guardsWrites();
        List<BatchWire.Group<BatchWire.Request>> written;
        try {
            written = BatchWire.readRequests(contentType, body);
        } catch (IllegalArgumentException e) {
            if (guarded) {
                throw new RefusedRequest("POST", "$batch", targetDescription, "the guard cannot read the "
                        + "batch to check its requests: " + e.getMessage());
            }
            written = List.of(); // sent as written: the target's answer is what the scenario checks
        }
        List<List<Sent>> sent = new ArrayList<>();
        BatchWire wire = new BatchWire();
        for (BatchWire.Group<BatchWire.Request> item : written) {
            List<Sent> requests = new ArrayList<>();
            Map<String, String> declared = new HashMap<>(); // Content-ID -> URL of the row the guard chose for it
            for (BatchWire.Request asWritten : item.items()) {
                BatchWire.Request request = guarded ? byUrl(asWritten, declared) : asWritten;
                Operation operation = Operation.of(request.method() + " request", "send " + request.method() + " "
                        + request.url() + " in a batch", request.method(), request.url(), request.body(), null)
                        .withHeaders(request.headers());
                Sent prepared = prepare(operation, new Answer(), request.contentId(), item.changeSet(), null);
                List<RowId> creates = prepared.prepared().creates();
                if (request.contentId() != null && !creates.isEmpty()) {
                    declared.put(request.contentId(), conversation.serviceRoot() + "/" + creates.get(0).entitySet() + "("
                            + creates.get(0).id() + ")");
                }
                requests.add(prepared);
            }
            if (item.changeSet()) {
                wire.changeSet(requests.stream().map(Sent::request).toList());
            } else {
                wire.single(requests.get(0).request());
            }
            sent.add(requests);
        }
        return guarded ? exchange(sent, wire.contentType(), wire.body(), headers)
                : exchange(sent, contentType, body, headers);
    }

    /**
     * On a live org the guard must know every row a request names: each Content-ID reference ({@code $1} leading the
     * URL, or a reference value of the body) becomes the URL of the row an earlier request of the change set creates
     * with an id the guard chose. A reference to anything else is refused, unsent.
     */
    private BatchWire.Request byUrl(BatchWire.Request request, Map<String, String> declared) {
        UnaryOperator<String> resolve = value -> {
            if (!value.startsWith("$") || value.length() < 2) {
                return value;
            }
            String url = declared.get(value.substring(1));
            if (url == null) {
                throw new RefusedRequest(request.method(), request.url(), targetDescription, "the guard cannot tell "
                        + "which row the Content-ID reference '" + value + "' names: no earlier request of the change "
                        + "set creates a row under that Content-ID");
            }
            return url;
        };
        String url = request.url();
        if (url.startsWith("$")) {
            int end = url.replaceAll("[/?].*$", "").length();
            url = resolve.apply(url.substring(0, end)) + url.substring(end);
        }
        String body = request.body() == null ? null : mapReferences(request.body(), resolve);
        return new BatchWire.Request(request.contentId(), request.method(), url, request.headers(), body);
    }

    private BatchOutcome exchange(List<List<Sent>> sent, String contentType, String body, Map<String, String> headers) {
        RecordedExchange batch = conversation.sendBatch(contentType, body, headers);
        List<BatchWire.Group<BatchWire.Response>> answered;
        try {
            answered = BatchWire.read(batch.responseHeader("Content-Type"), batch.responseBody());
        } catch (IllegalArgumentException e) {
            answered = List.of();
            String why = "the batch answer could not be read (" + e.getMessage() + "): " + batch.statusLine();
            sent.forEach(requests -> requests.forEach(request -> request.answer().missing(why)));
        }
        List<Boolean> rolledBack = distribute(sent, answered, batch);
        return new BatchOutcome(failures, batch, sent.stream().flatMap(List::stream)
                .map(request -> new Outcome(failures, operationOf(request), request.answer()::exchange)).toList(),
                rolledBack);
    }

    private Sent prepare(Operation operation, Answer answer, String contentId, boolean inChangeSet,
                         ChangeSet.Entry entry) {
        Prepared prepared = conversation.prepare(operation.method(), operation.path(), operation.headers(),
                operation.body());
        return new Sent(answer, prepared, new BatchWire.Request(contentId, prepared.method(), url(prepared.written()),
                prepared.headers(), prepared.body()), inChangeSet, entry);
    }

    private static Operation operationOf(Sent request) {
        BatchWire.Request sent = request.request();
        return request.entry() != null ? request.entry().operation() : Operation.of(sent.method() + " request", "send "
                + sent.method() + " " + sent.url() + " in a batch", sent.method(), sent.url(), sent.body(), null);
    }

    /**
     * The answers in order, one per request or per change set; a change set answered by a single error was rolled
     * back, and every request of it carries that error. Returns, per change set, whether it was rolled back.
     */
    private List<Boolean> distribute(List<List<Sent>> sent, List<BatchWire.Group<BatchWire.Response>> answered, RecordedExchange batch) {
        List<Boolean> rolledBack = new ArrayList<>();
        Iterator<BatchWire.Group<BatchWire.Response>> answers = answered.iterator();
        for (List<Sent> requests : sent) {
            boolean changeSet = requests.get(0).inChangeSet();
            if (!answers.hasNext()) {
                requests.forEach(request -> {
                    if (!answered.isEmpty()) {
                        request.answer().missing("the request was not run: the batch stopped at an earlier failure ("
                                + batch.statusLine() + ")");
                    }
                    settle(request, notRun(request, batch));
                });
                if (changeSet) {
                    rolledBack.add(false);
                }
                continue;
            }
            BatchWire.Group<BatchWire.Response> answer = answers.next();
            boolean undone = changeSet && !answer.changeSet();
            for (int i = 0; i < requests.size(); i++) {
                BatchWire.Response response = undone ? answer.items().get(0)
                        : answer.items().get(Math.min(i, answer.items().size() - 1));
                RecordedExchange exchange = exchange(requests.get(i), response, batch);
                requests.get(i).answer().answered(exchange);
                settle(requests.get(i), exchange);
            }
            if (changeSet) {
                rolledBack.add(undone);
            }
        }
        return rolledBack;
    }

    /** Tells the safety net what happened to the request, and makes the rows it created the session's own. */
    private void settle(Sent request, RecordedExchange exchange) {
        List<CreatedRow> proven = conversation.safety().settle(request.prepared(), exchange);
        ChangeSet.Entry entry = request.entry();
        boolean succeeded = exchange.status() >= 200 && exchange.status() < 300;
        if (!succeeded) {
            return;
        }
        if (entry != null && entry.creates() != null) {
            rows.registerCreated(entry.creates().alias(), rows.table(entry.creates().table()), exchange, entry.body(),
                    true, proven);
        } else if (entry == null && request.request().method().equals("POST")) {
            rows.tableCreatedByPost(request.request().url()).ifPresent(table -> rows.registerRawCreate(table, exchange,
                    request.request().body(), proven));
        }
    }

    private RecordedExchange exchange(Sent request, BatchWire.Response response, RecordedExchange batch) {
        BatchWire.Request sent = request.request();
        return new RecordedExchange(sent.method(), batch.baseUri(), sent.url(), sent.headers(), sent.body(),
                response.status(), response.headers(), response.body(), batch.millis());
    }

    /** What a request that never ran counts as: refused, so whatever it would have created is not the run's. */
    private static RecordedExchange notRun(Sent request, RecordedExchange batch) {
        BatchWire.Request sent = request.request();
        return new RecordedExchange(sent.method(), batch.baseUri(), sent.url(), sent.headers(), sent.body(), 424,
                Map.of(), "", 0);
    }

    /** The request line's URL: root-relative to this session's API version, Content-ID references as they are. */
    private String url(String written) {
        if (written.startsWith("$") || written.startsWith("/") || written.contains("://")) {
            return written;
        }
        return URI.create(conversation.serviceRoot()).getPath() + "/" + written;
    }

    /** The operation with every row created earlier in its change set named as {@code pendingRows} says. */
    private static Operation resolve(Operation operation, Map<UUID, String> pendingRows) {
        String path = operation.path();
        String body = operation.body();
        for (Map.Entry<UUID, String> pending : pendingRows.entrySet()) {
            String id = pending.getKey().toString();
            if (!path.contains(id) && (body == null || !body.contains(id))) {
                continue;
            }
            boolean byContentId = pending.getValue().startsWith("$");
            path = byContentId ? path.replaceFirst("^[A-Za-z0-9_]+\\(" + id + "\\)", Matcher
                    .quoteReplacement(pending.getValue())) : path.replace(id, pending.getValue());
            if (body != null) {
                body = byContentId ? referencesByContentId(body, id, pending.getValue()) : body.replace(id, pending.getValue());
            }
        }
        return new Operation(operation.name(), operation.sentence(), operation.method(), path, operation.headers(), body,
                operation.table(), operation.entityId());
    }

    /** Every reference ({@code @odata.id}, {@code …@odata.bind}) to the row {@code id} becomes {@code $n}. */
    private static String referencesByContentId(String body, String id, String contentId) {
        return mapReferences(body, value -> value.endsWith("(" + id + ")") ? contentId : value);
    }

    /** Each reference value of a JSON body ({@code @odata.id}, {@code …@odata.bind}, in arrays too) mapped. */
    private static String mapReferences(String body, UnaryOperator<String> map) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        return replace(json, map) ? json.toString() : body;
    }

    private static boolean replace(JsonNode node, UnaryOperator<String> map) {
        boolean replaced = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean reference = field.getKey().equals("@odata.id") || field.getKey().endsWith("@odata.bind");
                if (reference && field.getValue().isTextual()) {
                    String mapped = map.apply(field.getValue().asText());
                    replaced |= !mapped.equals(field.getValue().asText());
                    field.setValue(TextNode.valueOf(mapped));
                } else if (reference && field.getValue() instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).isTextual()) {
                            String mapped = map.apply(items.get(i).asText());
                            replaced |= !mapped.equals(items.get(i).asText());
                            items.set(i, TextNode.valueOf(mapped));
                        }
                    }
                } else {
                    replaced |= replace(field.getValue(), map);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                replaced |= replace(item, map);
            }
        }
        return replaced;
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dataversebdd.dsl.internal.BatchWire;
import dev.dataversebdd.report.RecordedExchange;
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

    /** One request as sent: its answer slot, the request as the guard left it, and the row it creates. */
    private record Sent(Answer answer, Prepared prepared, BatchWire.Request request, ChangeSet.Entry entry) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Conversation conversation;
    private final Rows rows;
    private final Failures failures;

    BatchExchange(Conversation conversation, Rows rows, Failures failures) {
        this.conversation = conversation;
        this.rows = rows;
        this.failures = failures;
    }

    BatchOutcome send(List<Batch.Item> items, boolean continueOnError) {
        BatchWire wire = new BatchWire();
        List<List<Sent>> sent = new ArrayList<>();
        int contentId = 0;
        for (Batch.Item item : items) {
            if (item instanceof Batch.GetItem get) {
                Sent request = prepare(get.operation(), get.answer(), null, null);
                wire.single(request.request());
                sent.add(List.of(request));
                continue;
            }
            Map<UUID, String> pendingRows = new HashMap<>(); // a row created earlier in the change set: how to name it
            List<Sent> changes = new ArrayList<>();
            for (ChangeSet.Entry entry : ((Batch.ChangeSetItem) item).changeSet().entries()) {
                Sent request = prepare(resolve(entry.operation(), pendingRows), entry.answer(), String.valueOf(++contentId),
                        entry);
                if (entry.creates() != null) {
                    List<RowId> chosen = conversation.safety().rowsCreatedBy(request.prepared());
                    // a live org's guard chose the new row's id; on the emulator the Content-ID stands for it
                    pendingRows.put(entry.creates().id(), chosen.isEmpty() ? "$" + contentId : chosen.get(0).id().toString());
                }
                changes.add(request);
            }
            wire.changeSet(changes.stream().map(Sent::request).toList());
            sent.add(changes);
        }
        RecordedExchange batch = conversation.sendBatch(wire.contentType(), wire.body(), continueOnError);
        List<BatchWire.Answered> answered;
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

    private Sent prepare(Operation operation, Answer answer, String contentId, ChangeSet.Entry entry) {
        Prepared prepared = conversation.safety().prepare(operation.method(), operation.path(), operation.headers(),
                operation.body());
        return new Sent(answer, prepared, new BatchWire.Request(contentId, prepared.method(), url(prepared.written()),
                prepared.headers(), prepared.body()), entry);
    }

    private static Operation operationOf(Sent request) {
        return request.entry() != null ? request.entry().operation() : Operation.of("GET request", "send GET "
                + request.request().url() + " in a batch", "GET", request.request().url(), null, null);
    }

    /**
     * The answers in order, one per request or per change set; a change set answered by a single error was rolled
     * back, and every request of it carries that error. Returns, per top-level item, whether it was rolled back.
     */
    private List<Boolean> distribute(List<List<Sent>> sent, List<BatchWire.Answered> answered, RecordedExchange batch) {
        List<Boolean> rolledBack = new ArrayList<>();
        Iterator<BatchWire.Answered> answers = answered.iterator();
        for (List<Sent> requests : sent) {
            boolean changeSet = requests.get(0).entry() != null;
            if (!answers.hasNext()) {
                requests.forEach(request -> {
                    if (!answered.isEmpty()) {
                        request.answer().missing("the request was not run: the batch stopped at an earlier failure ("
                                + batch.statusLine() + ")");
                    }
                    settle(request, notRun(request, batch));
                });
                rolledBack.add(false);
                continue;
            }
            BatchWire.Answered answer = answers.next();
            boolean undone = changeSet && !answer.changeSet();
            for (int i = 0; i < requests.size(); i++) {
                BatchWire.Response response = undone ? answer.responses().get(0)
                        : answer.responses().get(Math.min(i, answer.responses().size() - 1));
                RecordedExchange exchange = exchange(requests.get(i), response, batch);
                requests.get(i).answer().answered(exchange);
                settle(requests.get(i), exchange);
            }
            rolledBack.add(undone);
        }
        return rolledBack;
    }

    /** Tells the safety net what happened to the request, and makes the rows it created the session's own. */
    private void settle(Sent request, RecordedExchange exchange) {
        List<RowId> proven = conversation.safety().settle(request.prepared(), exchange);
        ChangeSet.Entry entry = request.entry();
        if (entry != null && entry.creates() != null && exchange.status() >= 200 && exchange.status() < 300) {
            rows.registerCreated(entry.creates().alias(), rows.table(entry.creates().table()), exchange, entry.body(),
                    true, proven, request.prepared());
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
            path = byContentId ? path.replaceFirst("^[A-Za-z0-9_]+\\(" + id + "\\)", java.util.regex.Matcher
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
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        replace(json, "(" + id + ")", contentId);
        return json.toString();
    }

    private static void replace(JsonNode node, String rowKey, String contentId) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                boolean reference = field.getKey().equals("@odata.id") || field.getKey().endsWith("@odata.bind");
                if (reference && field.getValue().isTextual() && field.getValue().asText().endsWith(rowKey)) {
                    field.setValue(TextNode.valueOf(contentId));
                } else if (reference && field.getValue() instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).isTextual() && items.get(i).asText().endsWith(rowKey)) {
                            items.set(i, TextNode.valueOf(contentId));
                        }
                    }
                } else {
                    replace(field.getValue(), rowKey, contentId);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> replace(item, rowKey, contentId));
        }
    }
}

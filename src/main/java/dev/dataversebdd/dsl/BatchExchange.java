package dev.dataversebdd.dsl;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.BodyReferences;
import dev.dataversebdd.safety.ChangeSetReferences;
import dev.dataversebdd.safety.CreatedRow;
import dev.dataversebdd.safety.Prepared;
import dev.dataversebdd.safety.Refusal;
import dev.dataversebdd.safety.RowId;
import dev.dataversebdd.safety.SessionSafety;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Sends a {@link Batch}: every request passes the session's safety net first (on a live org nothing is sent unless
 * all of them may be), rows a change set creates are referenced by Content-ID by the requests after them (on a live
 * org too, where the guard proves which row each {@code $n} names), the
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
     * One request as sent: its answer slot, the request as the guard left it, whether it is in a change set, the
     * DSL's entry for it (null for a GET part or a batch written by hand), and the Content-IDs of its change set.
     */
    private record Sent(Answer answer, Prepared prepared, BatchWire.Request request, boolean inChangeSet,
                        ChangeSet.Entry entry, ChangeSetReferences references) {
    }

    /**
     * How the change set's later requests name a row it creates: by Content-ID, and where {@code $n} cannot stand (a
     * key segment, a {@code $id} option) by the id a live org's guard chose for it (null on the emulator).
     */
    private record Pending(String contentId, String chosenId) {
    }

    private final Conversation conversation;
    private final Rows rows;
    private final Failures failures;
    private final String targetDescription;
    /** The Content-IDs of the last batch's change-set requests that no answer part carried. */
    private final List<String> uncorrelated = new ArrayList<>();

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
                Sent request = prepare(safety().batchPart(false), get.operation(), get.answer(), null, false, null);
                wire.single(request.request());
                sent.add(List.of(request));
                continue;
            }
            ChangeSetReferences references = safety().batchPart(true);
            Map<UUID, Pending> pendingRows = new HashMap<>(); // a row created earlier in the change set: how to name it
            List<Sent> changes = new ArrayList<>();
            for (ChangeSet.Entry entry : ((Batch.ChangeSetItem) item).changeSet().entries()) {
                String id = String.valueOf(++contentId);
                Sent request = prepare(references, resolve(entry.operation(), pendingRows), entry.answer(), id, true,
                        entry);
                if (entry.creates() != null) {
                    List<RowId> chosen = request.prepared().creates();
                    pendingRows.put(entry.creates().id(), new Pending("$" + id, chosen.isEmpty() ? null
                            : chosen.get(0).id().toString()));
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
     * live org every request of it passes the guard first and is sent as the guard left it, Content-ID references as
     * written where the guard can prove which row they name, so a request it cannot check (a Content-ID reference it
     * cannot resolve, an unreadable body) stops the batch unsent.
     */
    BatchOutcome sendWritten(String body, Map<String, String> headers) {
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        if (!firstLine.startsWith("--") || firstLine.length() < 3) {
            throw new IllegalArgumentException("a batch body starts with its boundary line, e.g. --batch_AAA123; this "
                    + "one starts with '" + firstLine + "'");
        }
        String contentType = "multipart/mixed; boundary=" + firstLine.substring(2);
        boolean guarded = safety().guardsWrites();
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
            ChangeSetReferences references = safety().batchPart(item.changeSet());
            for (BatchWire.Request request : item.items()) {
                Operation operation = Operation.of(request.method() + " request", "send " + request.method() + " "
                        + request.url() + " in a batch", request.method(), request.url(), request.body(), null)
                        .withHeaders(request.headers());
                requests.add(prepare(references, operation, new Answer(), request.contentId(), item.changeSet(), null));
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
        uncorrelated.clear();
        List<Boolean> rolledBack = distribute(sent, answered, batch);
        failIfUnproven(sent, batch);
        failIfUncorrelated(batch);
        return new BatchOutcome(failures, batch, sent.stream().flatMap(List::stream)
                .map(request -> new Outcome(failures, operationOf(request), request.answer()::exchange)).toList(),
                rolledBack);
    }

    /**
     * After the answers were read and settled: a Content-ID reference that reached the org but cannot be proven to
     * have named the row the guard chose fails the batch (fail closed). The rows the guard chose are the run's and
     * are cleaned up; a row only the answer names is left alone, and the failure names it.
     */
    private void failIfUnproven(List<List<Sent>> sent, RecordedExchange batch) {
        sent.stream().flatMap(List::stream).map(Sent::references).distinct()
                .flatMap(references -> references.unproven().stream()).findFirst().ifPresent(unproven -> {
                    throw failures.of("batch", unproven.expected(), unproven.actual(), "prove which row the Content-ID "
                            + "reference " + unproven.reference() + " named, after the org ran it",
                            unproven.answer() == null ? batch : unproven.answer(), null, "the org did not answer the "
                            + "create with the id the guard chose, so " + unproven.reference() + " may have reached a "
                            + "row the run cannot prove it created; the rows the guard chose are cleaned up, any other "
                            + "row the answer names is left alone: check it by hand");
                });
    }

    private Sent prepare(ChangeSetReferences references, Operation operation, Answer answer, String contentId,
                         boolean inChangeSet, ChangeSet.Entry entry) {
        Prepared prepared;
        try {
            prepared = references.prepare(contentId, operation.method(), operation.path(), operation.headers(),
                    operation.body());
        } catch (Refusal refusal) {
            throw new RefusedRequest(refusal.method(), refusal.written(), refusal.target(), refusal.why());
        }
        return new Sent(answer, prepared, new BatchWire.Request(contentId, prepared.method(), url(prepared.written()),
                prepared.headers(), prepared.body()), inChangeSet, entry, references);
    }

    private SessionSafety safety() {
        return conversation.safety();
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
                BatchWire.Response response = undone ? answer.items().get(0) : answerTo(requests.get(i), i, answer);
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

    /**
     * The answer to a request of a change set that was run: the part with its Content-ID, since a service may answer
     * a change set's requests in any order (OData 4.0 §11.7.4); failing that, the part at its place, which still
     * settles what the request created, while the batch then fails for the missing Content-ID.
     */
    private BatchWire.Response answerTo(Sent request, int place, BatchWire.Group<BatchWire.Response> answer) {
        String contentId = request.request().contentId();
        if (answer.changeSet() && contentId != null) {
            Optional<BatchWire.Response> same = answer.items().stream().filter(item -> contentId.equals(item.contentId()))
                    .findFirst();
            if (same.isPresent()) {
                return same.get();
            }
            uncorrelated.add(contentId);
        }
        return answer.items().get(Math.min(place, answer.items().size() - 1));
    }

    /** A change set's answer must carry each request's Content-ID, or no client can tell which answer is whose. */
    private void failIfUncorrelated(RecordedExchange batch) {
        if (!uncorrelated.isEmpty()) {
            throw failures.of("batch", "an answer with Content-ID " + String.join(", ", uncorrelated) + " in the change "
                    + "set's answer", "no answer part carries it", "match each answer of the change set to its request "
                    + "by Content-ID", batch, null, "OData 4.0 11.7.4 and Microsoft's batch examples answer each request "
                    + "of a change set with its Content-ID; a service that leaves it out cannot be told apart from one that "
                    + "answered in another order");
        }
    }

    /** Tells the safety net what happened to the request, and makes the rows it created the session's own. */
    private void settle(Sent request, RecordedExchange exchange) {
        List<CreatedRow> proven = request.references().settle(request.prepared(), exchange);
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

    /**
     * The operation with every row created earlier in its change set named by Content-ID where it leads the URL or is
     * a reference value of the body, elsewhere by the id a live org's guard chose for it.
     */
    private static Operation resolve(Operation operation, Map<UUID, Pending> pendingRows) {
        String path = operation.path();
        String body = operation.body();
        for (Map.Entry<UUID, Pending> pending : pendingRows.entrySet()) {
            String id = pending.getKey().toString();
            if (!path.contains(id) && (body == null || !body.contains(id))) {
                continue;
            }
            String contentId = pending.getValue().contentId();
            path = path.replaceFirst("^[A-Za-z0-9_]+\\(" + id + "\\)", Matcher.quoteReplacement(contentId));
            body = body == null ? null : referencesByContentId(body, id, contentId);
            String chosen = pending.getValue().chosenId();
            if (chosen != null) {
                path = path.replace(id, chosen);
                body = body == null ? null : body.replace(id, chosen);
            }
        }
        return new Operation(operation.name(), operation.sentence(), operation.method(), path, operation.headers(), body,
                operation.table(), operation.entityId());
    }

    /** Every reference ({@code @odata.id}, {@code …@odata.bind}) to the row {@code id} becomes {@code $n}. */
    private static String referencesByContentId(String body, String id, String contentId) {
        return BodyReferences.map(body, value -> value.endsWith("(" + id + ")") ? contentId : value);
    }
}

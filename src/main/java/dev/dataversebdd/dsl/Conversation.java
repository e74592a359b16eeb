package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.CreatedRow;
import dev.dataversebdd.safety.Prepared;
import dev.dataversebdd.safety.Refusal;
import dev.dataversebdd.safety.SessionSafety;
import dev.dataversebdd.wire.HttpChannel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way a session's requests go out. An {@link Operation} passes the live-safety guard, picks up the behaviour
 * switches, goes through the channel (RestAssured for what a scenario checks, the JDK client while arranging and for
 * read-backs; retries, recording and reporting included), and comes back as an {@link Outcome}, with the rows
 * settling it proved created. Read-backs come back as JSON, or as a failure that shows the exchange.
 */
final class Conversation implements Sender {

    /** What sending one operation gave: the outcome, and the rows it proved it created (live org), top row first. */
    record Sent(Outcome outcome, List<CreatedRow> created) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpChannel channel;
    private final SessionSafety safety;
    private final Failures failures;
    private final Behaviours behaviours;
    private boolean arranging;
    private RecordedExchange lastExchange;
    private RecordedExchange lastRead;
    /** The requests a scenario checked (not set-up, read-back or cleanup), for the conformance matrix. */
    private final List<RecordedExchange> checked = new java.util.ArrayList<>();

    Conversation(HttpChannel channel, SessionSafety safety, Failures failures, Behaviours behaviours) {
        this.channel = channel;
        this.safety = safety;
        this.failures = failures;
        this.behaviours = behaviours;
    }

    @Override
    public Outcome send(Operation operation) {
        return exchange(operation).outcome();
    }

    /** Sends {@code operation} and settles it: a create's caller registers the rows it proved it created. */
    Sent exchange(Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>(operation.headers());
        behaviours.header().ifPresent(value -> headers.put(Behaviours.HEADER, value));
        Prepared prepared = prepare(operation.method(), operation.path(), headers, operation.body());
        lastExchange = arranging ? channel.fetch(operation.method(), operation.path(), prepared.headers(), prepared.body())
                : checked(channel.send(operation.method(), operation.path(), prepared.headers(), prepared.body()));
        List<CreatedRow> created = safety.settle(prepared, lastExchange);
        return new Sent(new Outcome(failures, operation, lastExchange), created);
    }

    /**
     * The request as the safety net lets it go; its refusal becomes the DSL's {@link RefusedRequest}, with the same
     * message, before anything is sent.
     */
    Prepared prepare(String method, String path, Map<String, String> headers, String body) {
        try {
            return safety.prepare(method, path, headers, body);
        } catch (Refusal refusal) {
            throw new RefusedRequest(refusal.method(), refusal.written(), refusal.target(), refusal.why());
        }
    }

    /**
     * Sends a batch whose requests the safety net has already prepared one by one; the batch carries the behaviour
     * switches, which the target applies to each of its requests.
     */
    RecordedExchange sendBatch(String contentType, String body, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>(more);
        headers.put("Content-Type", contentType);
        behaviours.header().ifPresent(value -> headers.put(Behaviours.HEADER, value));
        lastExchange = arranging ? channel.fetch("POST", "$batch", headers, body)
                : checked(channel.send("POST", "$batch", headers, body));
        return lastExchange;
    }

    private RecordedExchange checked(RecordedExchange exchange) {
        if (checked.size() < 1_000) { // a scenario checks a handful; a loop must not grow this without end
            checked.add(exchange);
        }
        return exchange;
    }

    /** The requests the scenario checked so far, in order. */
    List<RecordedExchange> checkedExchanges() {
        return List.copyOf(checked);
    }

    /** Runs {@code work} with its requests on the cheaper JDK client (set-up, the Given part of a scenario). */
    <T> T arranging(Supplier<T> work) {
        boolean outer = arranging;
        arranging = true;
        try {
            return work.get();
        } finally {
            arranging = outer;
        }
    }

    /** GETs JSON for a read-back check; a non-200 answer, or one that is not JSON, fails the check. */
    JsonNode read(String what, String path, Map<String, String> headers, String table) {
        RecordedExchange exchange = get(path, headers);
        if (exchange.status() != 200) {
            throw failures.of("read-back", "200 OK", exchange.statusLine(), what, exchange, table);
        }
        try {
            return JSON.readTree(exchange.responseBody());
        } catch (IOException e) {
            throw failures.of("read-back", "a JSON body", "unparseable text", what, exchange, table);
        }
    }

    /** A read-back GET, whatever its status. */
    RecordedExchange get(String path, Map<String, String> headers) {
        lastRead = channel.fetch("GET", path, headers, null);
        return lastRead;
    }

    /** The last read-back GET, which read-back failures show. */
    RecordedExchange lastRead() {
        return lastRead;
    }

    RecordedExchange lastExchange() {
        if (lastExchange == null) {
            throw new IllegalStateException("no request has been sent in this scenario yet");
        }
        return lastExchange;
    }

    /** Relative paths go to this API version of the org from now on; returns the new service root. */
    String useApiVersion(String version) {
        channel.useApiVersion(version);
        return channel.serviceRoot();
    }

    String serviceRoot() {
        return channel.serviceRoot();
    }

    SessionSafety safety() {
        return safety;
    }

    Failures failures() {
        return failures;
    }
}

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
import java.util.ArrayList;
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
    private final Log log;
    private final Caller caller;

    /**
     * Who the session's requests come from, when not its own caller: the headers that say so and the words failure
     * messages put before the sentence ({@code as systemuser "Dana"}).
     */
    record Caller(Map<String, String> headers, String words) {

        Caller then(Caller inner) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(inner.headers());
            return new Caller(Map.copyOf(all), words + ", " + inner.words());
        }
    }

    /** What a session and its views ({@link DataverseSession#as}) share: the last exchanges, the checked ones. */
    private static final class Log {
        private boolean arranging;
        private RecordedExchange lastExchange;
        private RecordedExchange lastRead;
        /** The requests a scenario checked (not set-up, read-back or cleanup), for the conformance matrix. */
        private final List<RecordedExchange> checked = new ArrayList<>();
    }

    Conversation(HttpChannel channel, SessionSafety safety, Failures failures, Behaviours behaviours) {
        this(channel, safety, failures, behaviours, new Log(), null);
    }

    private Conversation(HttpChannel channel, SessionSafety safety, Failures failures, Behaviours behaviours, Log log,
                         Caller caller) {
        this.channel = channel;
        this.safety = safety;
        this.failures = failures;
        this.behaviours = behaviours;
        this.log = log;
        this.caller = caller;
    }

    /** The same conversation with its requests coming from {@code who} (its failures say so). */
    Conversation from(Caller who) {
        return new Conversation(channel, safety, failures, behaviours, log, caller == null ? who : caller.then(who));
    }

    /** The caller's headers added to {@code headers}, which win over the endpoint's. */
    private Map<String, String> withCaller(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (caller != null) {
            all.putAll(caller.headers());
        }
        return all;
    }

    @Override
    public Outcome send(Operation operation) {
        return exchange(operation).outcome();
    }

    /** Sends {@code operation} and settles it: a create's caller registers the rows it proved it created. */
    Sent exchange(Operation operation) {
        Map<String, String> headers = withCaller(operation.headers());
        behaviours.header().ifPresent(value -> headers.put(Behaviours.HEADER, value));
        Prepared prepared = prepare(operation.method(), operation.path(), headers, operation.body());
        RecordedExchange answer = log.arranging
                ? channel.fetch(operation.method(), operation.path(), prepared.headers(), prepared.body())
                : checked(channel.send(operation.method(), operation.path(), prepared.headers(), prepared.body()));
        log.lastExchange = answer;
        List<CreatedRow> created = safety.settle(prepared, answer);
        return new Sent(new Outcome(failures, described(operation), answer), created);
    }

    /** The operation with its sentence saying who sent it ({@code as systemuser "Dana", associate …}). */
    Operation described(Operation operation) {
        return caller == null ? operation : operation.saying(caller.words() + ", " + operation.sentence());
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
        Map<String, String> headers = withCaller(more);
        try {
            safety.prepareEnvelope("POST", "$batch", headers);
        } catch (Refusal refusal) {
            throw new RefusedRequest(refusal.method(), refusal.written(), refusal.target(), refusal.why());
        }
        headers.put("Content-Type", contentType);
        behaviours.header().ifPresent(value -> headers.put(Behaviours.HEADER, value));
        log.lastExchange = log.arranging ? channel.fetch("POST", "$batch", headers, body)
                : checked(channel.send("POST", "$batch", headers, body));
        return log.lastExchange;
    }

    private RecordedExchange checked(RecordedExchange exchange) {
        if (log.checked.size() < 1_000) { // a scenario checks a handful; a loop must not grow this without end
            log.checked.add(exchange);
        }
        return exchange;
    }

    /** The requests the scenario checked so far, in order. */
    List<RecordedExchange> checkedExchanges() {
        return List.copyOf(log.checked);
    }

    /** Runs {@code work} with its requests on the cheaper JDK client (set-up, the Given part of a scenario). */
    <T> T arranging(Supplier<T> work) {
        boolean outer = log.arranging;
        log.arranging = true;
        try {
            return work.get();
        } finally {
            log.arranging = outer;
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
        log.lastRead = channel.fetch("GET", path, withCaller(headers), null);
        return log.lastRead;
    }

    /** The last read-back GET, which read-back failures show. */
    RecordedExchange lastRead() {
        return log.lastRead;
    }

    RecordedExchange lastExchange() {
        if (log.lastExchange == null) {
            throw new IllegalStateException("no request has been sent in this scenario yet");
        }
        return log.lastExchange;
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

package dev.dataversebdd.safety;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A request ready to send: the headers and body as the guard leaves them (on a live org every new row carries an id
 * chosen beforehand) and the rows it would create. What the guard needs to settle it after the answer stays here.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Prepared {

    private final String method;
    private final String written;
    private final Map<String, String> headers;
    private final String body;
    private final List<Effect.Creates> creates;
    private final List<RowId> deletes;
    private final Map<UUID, String> names;
    private final RowId chosenRow;

    Prepared(String method, String written, Map<String, String> headers, String body, List<Effect.Creates> creates,
             List<RowId> deletes, Map<UUID, String> names, RowId chosenRow) {
        this.method = method;
        this.written = written;
        this.headers = headers;
        this.body = body;
        this.creates = List.copyOf(creates);
        this.deletes = List.copyOf(deletes);
        this.names = names;
        this.chosenRow = chosenRow;
    }

    /** As it was written: what the embedded emulator gets, where nothing needs guarding. */
    static Prepared unchanged(String method, String written, Map<String, String> headers, String body) {
        return new Prepared(method, written, headers, body, List.of(), List.of(), Map.of(), null);
    }

    /** The same checks, sent with another URL and body: a batch request with its Content-ID references as written. */
    Prepared sentAs(String sentWritten, String sentBody) {
        return new Prepared(method, sentWritten, headers, sentBody, creates, deletes, names, chosenRow);
    }

    public String method() {
        return method;
    }

    /** The URL as written. */
    public String written() {
        return written;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    /** The rows the request will create, with the ids chosen for them (live org), the top row first. */
    public List<RowId> creates() {
        return creates.stream().map(Effect.Creates::row).toList();
    }

    List<Effect.Creates> createEffects() {
        return creates;
    }

    List<RowId> deletes() {
        return deletes;
    }

    /**
     * The row the request's own body creates with an id the guard chose, or null (on the emulator, or when the
     * request creates no such row): the only row a later {@code $n} of its change set may name on a live org.
     */
    RowId chosenRow() {
        return chosenRow;
    }

    /** The name the body gives the new row {@code id}, or null. */
    String nameOf(UUID id) {
        return names.get(id);
    }
}

package dev.dataversebdd.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A request written by hand, for conformance work: any method, path, header and body. A successful POST to an
 * entity set goes into the ledger like any other created row.
 *
 * <pre>{@code
 * dv.send("PUT", "opportunities(" + deal.id() + ")/customerid_account/$ref")
 *   .body("{\"@odata.id\":\"accounts(" + contoso.id() + ")\"}")
 *   .send().isNoContent();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RawRequest {

    /** The entity set a path starts with, keyed or not: {@code accounts}, {@code /api/data/v9.0/accounts(…)/…}. */
    private static final Pattern FIRST_SEGMENT = Pattern.compile("^/?(?:api/data/v\\d\\.\\d/)?([A-Za-z0-9_]+)([(/?].*)?$");

    private final Conversation conversation;
    private final Rows rows;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    RawRequest(Conversation conversation, Rows rows, String method, String path) {
        this.conversation = conversation;
        this.rows = rows;
        this.method = method;
        this.path = path;
    }

    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawRequest headers(Map<String, String> more) {
        headers.putAll(more);
        return this;
    }

    /** The body exactly as given (JSON for the Web API). */
    public RawRequest body(String text) {
        this.body = text;
        return this;
    }

    public Outcome send() {
        Matcher first = FIRST_SEGMENT.matcher(path.startsWith("/api/") ? path.substring(1) : path);
        String table = first.matches() ? rows.schema().table(first.group(1)).map(t -> t.logicalName()).orElse(null) : null;
        boolean createsInSet = table != null && (first.group(2) == null || first.group(2).startsWith("?"));
        Outcome outcome = conversation.send(Operation.of(method + " request", "send " + method + " " + path, method, path,
                body, table).withHeaders(headers).expectingEntityId(method.equals("POST") && createsInSet
                ? Outcome.EntityId.ANY : Outcome.EntityId.NONE));
        if (method.equals("POST") && createsInSet && outcome.succeeded()) {
            outcome.about(rows.registerRawCreate(rows.table(table), outcome.exchange(), body));
        }
        return outcome;
    }
}

package dev.dataversebdd.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public final class RawRequest {

    private static final Pattern ENTITY_SET_PATH = Pattern.compile("^/?(?:api/data/v\\d\\.\\d/)?([A-Za-z0-9_]+)(\\?.*)?$");

    private final DataverseSession session;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    RawRequest(DataverseSession session, String method, String path) {
        this.session = session;
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
        Matcher set = ENTITY_SET_PATH.matcher(path.startsWith("/api/") ? path.substring(1) : path);
        String table = set.matches() ? session.schema().table(set.group(1)).map(t -> t.logicalName()).orElse(null) : null;
        Outcome outcome = session.call(method + " request", "send " + method + " " + path, method, path, headers, body,
                table, method.equals("POST") && table != null ? Outcome.EntityId.ANY : Outcome.EntityId.NONE);
        if (method.equals("POST") && table != null && outcome.succeeded()) {
            outcome.about(session.registerRawCreate(session.table(table), outcome.exchange(), body));
        }
        return outcome;
    }
}

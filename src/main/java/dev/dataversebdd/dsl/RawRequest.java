package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.ClientSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        Optional<ClientSchema.Table> created = method.equals("POST") ? rows.tableCreatedByPost(path)
                : Optional.empty();
        String table = created.map(ClientSchema.Table::logicalName).orElseGet(() -> rows.tableNamedBy(path)
                .map(ClientSchema.Table::logicalName).orElse(null));
        Conversation.Sent sent = conversation.exchange(Operation.of(method + " request", "send " + method + " " + path,
                method, path, body, table).withHeaders(headers).expectingEntityId(created.isPresent()
                ? Outcome.EntityId.ANY : Outcome.EntityId.NONE));
        Outcome outcome = sent.outcome();
        if (created.isPresent() && outcome.succeeded()) {
            outcome.about(rows.registerRawCreate(created.get(), outcome.exchange(), body, sent.created()));
        }
        return outcome;
    }

}

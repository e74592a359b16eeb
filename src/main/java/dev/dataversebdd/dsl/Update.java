package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Associates and disassociates on update: {@code PATCH {row}} with {@code nav@odata.bind}, {@code nav: null} or
 * {@code nav@odata.bind: null}, several at once. Sends {@code If-Match: *} as Microsoft's samples do, so a PATCH
 * never creates a row by upsert.
 *
 * <pre>{@code
 * dv.update(contoso).unbind("parentaccountid").unbind("primarycontactid").send().isNoContent();
 * dv.update(deal).bind("customerid_account", contoso).send().isNoContent();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Update {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sender sender;
    private final RowUrls urls;
    private final Rows rows;
    private final RowRef row;
    private final ObjectNode body = JSON.createObjectNode();
    private final List<String> sentence = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("If-Match", "*"));

    Update(Sender sender, RowUrls urls, Rows rows, RowRef row) {
        this.sender = sender;
        this.urls = urls;
        this.rows = rows;
        this.row = row;
    }

    /** {@code nav@odata.bind: "<target>"}. */
    public Update bind(String singleNavigation, RowRef target) {
        body.put(singleNavigation + "@odata.bind", urls.bind(target));
        sentence.add("bind " + singleNavigation + " to " + target.describe());
        return this;
    }

    /** {@code nav: null}: the form every source agrees on. */
    public Update unbind(String singleNavigation) {
        body.putNull(singleNavigation);
        sentence.add("unbind " + singleNavigation);
        return this;
    }

    /** {@code nav@odata.bind: null}: documented by D1, reported refused (I3) or ignored (I5) in the field. */
    public Update unbindWithBindAnnotation(String singleNavigation) {
        body.putNull(singleNavigation + "@odata.bind");
        sentence.add("unbind " + singleNavigation + " with @odata.bind: null");
        return this;
    }

    /** A column value alongside the binds. */
    public Update set(String column, Object value) {
        body.set(column, JSON.valueToTree(value));
        sentence.add("set " + column);
        return this;
    }

    /**
     * Several changes in one PATCH, as a table writes them: binds, unbinds ({@code null} on a navigation property)
     * and column values.
     */
    public Update apply(List<Change> changes) {
        for (Change change : changes) {
            if (change.target() != null) {
                bind(change.property(), change.target());
            } else if (change.value() == null && rows.table(row.table()).navigation(change.property()).isPresent()) {
                unbind(change.property());
            } else {
                set(change.property(), change.value());
            }
        }
        return this;
    }

    /** Replaces the default {@code If-Match: *} (null removes it, allowing an upsert). */
    public Update ifMatch(String etag) {
        if (etag == null) {
            headers.remove("If-Match");
        } else {
            headers.put("If-Match", etag);
        }
        return this;
    }

    public Outcome send() {
        return sender.send(Operation.of("update", String.join(", ", sentence) + " on " + row.describe(), "PATCH",
                row.path(), body.toString(), row.table()).withHeaders(headers).expectingEntityId(Outcome.EntityId.OF_ROW))
                .about(row);
    }
}

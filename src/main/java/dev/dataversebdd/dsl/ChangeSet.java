package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Requests of a {@link Batch} that succeed or fail together, written with the session's own verbs. A row created in
 * the change set can be used by the requests after it (they reference it by Content-ID, {@code $1}, as Dataverse
 * documents); once the batch has been sent it is known by its alias, like any row the session created. Each verb's
 * {@link Outcome} can be checked once the batch has been sent.
 *
 * <pre>{@code
 * BatchOutcome sent = dv.batch().changeSet(cs -> {
 *     RowRef contoso = cs.create(NewRow.of("account", "Contoso"));
 *     RowRef alice = cs.create(NewRow.of("contact", "Alice"));
 *     cs.rebind(contoso).via("primarycontactid").to(alice);
 * }).send();
 * sent.isOk();
 * dv.expect(dv.row("Contoso")).lookup("primarycontactid").pointsTo(dv.row("Alice"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ChangeSet {

    /** A request of the change set: what it sends, the row it creates (if any), and its answer once sent. */
    record Entry(Operation operation, RowRef creates, ObjectNode body, BatchExchange.Answer answer) {
    }

    private final Rows rows;
    private final RowUrls urls;
    private final Failures failures;
    private final List<Entry> entries = new ArrayList<>();
    private final List<StartedVerb> startedVerbs = new ArrayList<>();

    ChangeSet(Rows rows, RowUrls urls, Failures failures) {
        this.rows = rows;
        this.urls = urls;
        this.failures = failures;
    }

    /**
     * POST {set} inside the change set. Returns the row to use in the change set's later requests; after the batch
     * has been sent, {@code dv.row(alias)} is the created row.
     */
    public RowRef create(NewRow row) {
        ClientSchema.Table table = rows.table(row.table());
        ObjectNode body = rows.bodies().render(row);
        RowRef pending = new RowRef(row.alias(), table.logicalName(), table.entitySet(), UUID.randomUUID());
        Operation operation = Operation.of("create", "create " + table.logicalName() + " \"" + row.alias()
                + "\" in a change set", "POST", table.entitySet(), body.toString(), table.logicalName())
                .expectingEntityId(Outcome.EntityId.ANY);
        add(operation, pending, body);
        return pending;
    }

    /** POST {parent}/{collectionNav}/$ref inside the change set; ends with {@code .to(parent).via(nav)}. */
    public Associate associate(RowRef row) {
        return new Associate(started("associate(" + row.describe() + ")", ".to(parent).via(navigation)"), urls, row);
    }

    /** DELETE …/$ref inside the change set, in its three documented forms; ends with the form, e.g. {@code .byKeySegment()}. */
    public Disassociate disassociate(RowRef row) {
        return new Disassociate(started("disassociate(" + row.describe() + ")",
                ".from(parent).via(navigation) and its form, e.g. .byKeySegment()"), urls, row);
    }

    /** PUT {row}/{singleNav}/$ref inside the change set; ends with {@code .via(nav).to(target)}. */
    public Rebind rebind(RowRef row) {
        return new Rebind(started("rebind(" + row.describe() + ")", ".via(navigation).to(target)"), urls, row);
    }

    /** PATCH {row} inside the change set: binds, unbinds and columns; ends with {@code .send()}. */
    public Update update(RowRef row) {
        return new Update(started("update(" + row.describe() + ")", ".send()"), urls, rows, row);
    }

    /** PUT {activity}/{activity}_activity_parties inside the change set; ends with {@code .send()}. */
    public PartyReplacement replaceParties(RowRef activity) {
        return new PartyReplacement(started("replaceParties(" + activity.describe() + ")", ".send()"), urls, activity);
    }

    /** A request written by hand inside the change set; {@code body} may be null. */
    public Outcome send(String method, String path, String body) {
        return send(Operation.of(method + " request", "send " + method + " " + path + " in a change set", method, path,
                body, null));
    }

    private Outcome send(Operation operation) {
        return add(operation, null, null);
    }

    private Outcome add(Operation operation, RowRef creates, ObjectNode body) {
        BatchExchange.Answer answer = new BatchExchange.Answer();
        entries.add(new Entry(operation, creates, body, answer));
        return new Outcome(failures, operation, answer::exchange);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The verbs begun in this change set whose sentence never reached its last call: they have no request yet, so
     * the batch would silently leave them out. {@link Batch#changeSet} refuses such a change set.
     */
    List<String> unfinished() {
        return startedVerbs.stream().filter(verb -> !verb.finished).map(StartedVerb::describe).toList();
    }

    /** A sender that adds the verb's request to the change set, and remembers whether it ever did. */
    private Sender started(String verb, String lastCall) {
        StartedVerb started = new StartedVerb(verb, lastCall);
        startedVerbs.add(started);
        return operation -> {
            started.finished = true;
            return send(operation);
        };
    }

    private static final class StartedVerb {
        private final String verb;
        private final String lastCall;
        private boolean finished;

        StartedVerb(String verb, String lastCall) {
            this.verb = verb;
            this.lastCall = lastCall;
        }

        String describe() {
            return "cs." + verb + " was never finished with " + lastCall;
        }
    }
}

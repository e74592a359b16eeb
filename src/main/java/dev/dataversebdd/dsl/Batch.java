package dev.dataversebdd.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A {@code $batch} being written: change sets (all or nothing) and reads, sent in order as one request
 * (Microsoft Learn "Execute batch operations using the Web API"). On a live org every request of it passes the
 * live-safety guard before anything is sent, and the rows its change sets create are the session's own.
 *
 * <pre>{@code
 * dv.batch()
 *   .changeSet(cs -> cs.associate(deal).to(contoso).via("opportunity_customer_accounts"))
 *   .get("accounts(" + contoso.id() + ")/opportunity_customer_accounts?$select=name")
 *   .send()
 *   .isOk();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Batch {

    /** What the batch holds at its top level, in order. */
    sealed interface Item {
    }

    record ChangeSetItem(ChangeSet changeSet) implements Item {
    }

    record GetItem(Operation operation, BatchExchange.Answer answer) implements Item {
    }

    private final BatchExchange exchange;
    private final Rows rows;
    private final RowUrls urls;
    private final Failures failures;
    private final List<Item> items = new ArrayList<>();
    private boolean continueOnError;

    Batch(BatchExchange exchange, Rows rows, RowUrls urls, Failures failures) {
        this.exchange = exchange;
        this.rows = rows;
        this.urls = urls;
        this.failures = failures;
    }

    /** A change set written with the session's verbs; see {@link ChangeSet}. */
    public Batch changeSet(Consumer<ChangeSet> requests) {
        ChangeSet changeSet = new ChangeSet(rows, urls, failures);
        requests.accept(changeSet);
        List<String> unfinished = changeSet.unfinished();
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException(failures.prefix() + "change set " + (changeSets() + 1) + " of the batch has "
                    + (unfinished.size() == 1 ? "a request" : unfinished.size() + " requests")
                    + " that would be left out of it: " + String.join("; ", unfinished)
                    + ". End each verb with its last call, or remove it.");
        }
        if (changeSet.entries().isEmpty()) {
            throw new IllegalArgumentException("a change set needs at least one request");
        }
        items.add(new ChangeSetItem(changeSet));
        return this;
    }

    private long changeSets() {
        return items.stream().filter(ChangeSetItem.class::isInstance).count();
    }

    /** A GET outside any change set, e.g. reading back what an earlier change set wrote. */
    public Batch get(String path) {
        items.add(new GetItem(Operation.of("GET request", "send GET " + path + " in a batch", "GET", path, null, null),
                new BatchExchange.Answer()));
        return this;
    }

    /** {@code Prefer: odata.continue-on-error}: later requests still run after one fails. */
    public Batch continueOnError() {
        this.continueOnError = true;
        return this;
    }

    /** Sends the batch; the outcomes of its requests can be checked from now on. */
    public BatchOutcome send() {
        if (items.isEmpty()) {
            throw new IllegalStateException("the batch is empty: add a change set or a GET before sending it");
        }
        return exchange.send(List.copyOf(items), continueOnError);
    }
}

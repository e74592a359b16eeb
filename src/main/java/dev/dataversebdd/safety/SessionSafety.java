package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * One session's safety net, the only door between the DSL and this package. On a live org every write passes
 * {@link #prepare} (which refuses what could harm rows the run did not create, and writes new rows ahead to the run
 * ledger) and {@link #settle}; {@link #cleanUp} restores before-images and deletes the session's rows without
 * reaching foreign ones. On the embedded emulator requests pass unchanged and cleanup only deletes what the session
 * made: every row there is disposable.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SessionSafety {

    private final Ownership ownership;
    private final LiveGuard guard;
    private final Cleanup cleanup;
    private final Map<UUID, String> labels;

    private SessionSafety(Ownership ownership, LiveGuard guard, Cleanup cleanup, Map<UUID, String> labels) {
        this.ownership = ownership;
        this.guard = guard;
        this.cleanup = cleanup;
        this.labels = labels;
    }

    /** For the embedded emulator: bookkeeping only. */
    public static SessionSafety forEmulator(ClientSchema schema, HttpChannel channel) {
        return new SessionSafety(new Ownership(Map.of(), null), null, new Cleanup(new Reads(schema, channel), channel, false),
                new ConcurrentHashMap<>());
    }

    /** For a live org: every write is checked, every create and before-image is written ahead to {@code ledger}. */
    public static SessionSafety forLiveOrg(ClientSchema schema, HttpChannel channel, String targetDescription,
                                           Map<UUID, RowId> existingRows, RunLedger ledger) {
        Reads reads = new Reads(schema, channel);
        Ownership ownership = new Ownership(existingRows, ledger);
        EffectReader reader = new EffectReader(new AddressParser(schema, channel.serviceRoot()), reads, ownership);
        Map<UUID, String> labels = new ConcurrentHashMap<>(); // refusals name rows as the scenario does
        return new SessionSafety(ownership, new LiveGuard(reader, reads, ownership, targetDescription, labels::get),
                new Cleanup(reads, channel, true), labels);
    }

    /** True on a live org, where every write is checked before it is sent. */
    public boolean guardsWrites() {
        return guard != null;
    }

    /** The request as it may be sent; throws {@link dev.dataversebdd.dsl.RefusedRequest} (before anything is sent) when it may not. */
    public Prepared prepare(String method, String written, Map<String, String> headers, String body) {
        if (guard == null || method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")) {
            return Prepared.unchanged(method, written, headers, body);
        }
        return guard.prepare(method, written, headers, body);
    }

    /** After the answer; returns the rows the request proved it created (live only), the top row first. */
    public List<RowId> settle(Prepared prepared, RecordedExchange exchange) {
        return guard == null ? List.of() : guard.settle(prepared, exchange);
    }

    /** The rows a prepared request will create, with the ids chosen for them (live org), the top row first. */
    public List<RowId> rowsCreatedBy(Prepared prepared) {
        return prepared.creates().stream().map(Effect.Creates::row).toList();
    }

    /** The JSON object that created {@code id}, when a prepared request created it. */
    public Optional<ObjectNode> bodyThatCreated(Prepared prepared, UUID id) {
        return Optional.ofNullable(prepared.createdBodies().get(id));
    }

    /** A row the session learned it created (on the emulator: a create's answer, rows found inside a deep insert). */
    public void created(RowId row) {
        ownership.confirm(row);
    }

    /** How failures and cleanup name the row, e.g. {@code account "Contoso"}. */
    public void label(UUID id, String description) {
        labels.put(id, description);
    }

    public Optional<String> label(UUID id) {
        return Optional.ofNullable(labels.get(id));
    }

    public boolean owns(UUID id) {
        return ownership.owns(id);
    }

    /** An id made up to name no row ({@code {missing}}), which requests may carry. */
    public void nameNothing(UUID id) {
        ownership.nameNothing(id);
    }

    /** The row was seen gone (e.g. deleted by a cascade the scenario checks). */
    public void gone(UUID id) {
        ownership.ownedRow(id).ifPresent(ownership::gone);
    }

    /** Undoes the session's work; one line per thing left undone. */
    public List<String> cleanUp() {
        return cleanup.run(new Cleanup.Work(ownership.ownedRows(), ownership.beforeImages()), new Cleanup.Record() {
            @Override
            public void restored(BeforeImage image) {
                ownership.restored(image);
            }

            @Override
            public void deleted(RowId row) {
                ownership.gone(row);
            }

            @Override
            public String describe(RowId row) {
                return labels.getOrDefault(row.id(), row.toString());
            }
        });
    }
}

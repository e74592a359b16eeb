package dev.dataversebdd.safety;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * One session's safety net, the only door into this package from a session. On a live org every write passes
 * {@link #prepare} (which refuses what could harm rows the run did not create, and writes new rows ahead to the run
 * ledger) and {@link #settle}, which returns the rows the answer proved created; {@link #cleanUp} restores
 * before-images and deletes the session's rows without reaching foreign ones. On the embedded emulator requests pass
 * unchanged and cleanup only deletes what the session made: every row there is disposable. Rows are named by the
 * session's {@link RowLabels}; the net keeps no names of its own.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SessionSafety {

    private final Ownership ownership;
    private final LiveGuard guard;
    private final Cleanup cleanup;
    private final RowLabels labels;
    private final HttpChannel channel;

    private SessionSafety(Ownership ownership, LiveGuard guard, Cleanup cleanup, RowLabels labels, HttpChannel channel) {
        this.ownership = ownership;
        this.guard = guard;
        this.cleanup = cleanup;
        this.labels = labels;
        this.channel = channel;
    }

    /** For the embedded emulator: bookkeeping only. */
    public static SessionSafety forEmulator(ClientSchema schema, HttpChannel channel, RowLabels labels) {
        return new SessionSafety(new Ownership(Map.of(), null), null, new Cleanup(new Reads(schema, channel), channel, false),
                labels, channel);
    }

    /** For a live org: every write is checked, every create and before-image is written ahead to {@code ledger}. */
    public static SessionSafety forLiveOrg(ClientSchema schema, HttpChannel channel, String targetDescription,
                                           Map<UUID, RowId> existingRows, RunLedger ledger, RowLabels labels) {
        Reads reads = new Reads(schema, channel);
        Ownership ownership = new Ownership(existingRows, ledger);
        EffectReader reader = new EffectReader(new AddressParser(schema, channel.serviceRoot()), reads, ownership);
        return new SessionSafety(ownership, new LiveGuard(reader, reads, ownership, targetDescription, labels),
                new Cleanup(reads, channel, true), labels, channel);
    }

    /** True on a live org, where every write is checked before it is sent. */
    public boolean guardsWrites() {
        return guard != null;
    }

    /** The request as it may be sent; throws {@link Refusal} (before anything is sent) when it may not. */
    public Prepared prepare(String method, String written, Map<String, String> headers, String body) {
        if (guard == null || method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")) {
            return Prepared.unchanged(method, written, headers, body);
        }
        return guard.prepare(method, written, headers, body);
    }

    /**
     * The Content-ID references ({@code $1}) of one change set of a {@code $batch}, or of one request outside any
     * ({@code changeSet} false, where a reference names nothing): each request of it is prepared and settled there,
     * in order.
     */
    public ChangeSetReferences batchPart(boolean changeSet) {
        return new ChangeSetReferences(this, guard, channel.serviceRoot(), changeSet);
    }

    /**
     * For a request whose parts were prepared one by one ({@code $batch}): throws {@link Refusal} when its own
     * headers act on behalf of a user the run may not use.
     */
    public void prepareEnvelope(String method, String written, Map<String, String> headers) {
        if (guard != null) {
            guard.checkCaller(method, written, headers);
        }
    }

    /**
     * After the answer; returns the rows the request proved it created (live only), the top row first, each with the
     * name its body gave it.
     */
    public List<CreatedRow> settle(Prepared prepared, RecordedExchange exchange) {
        return guard == null ? List.of() : guard.settle(prepared, exchange);
    }

    /** A row the session learned it created (on the emulator: a create's answer, rows found inside a deep insert). */
    public void created(RowId row) {
        ownership.confirm(row);
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
                return labels.of(row.id()).orElse(row.toString());
            }
        });
    }
}

package dev.dataversebdd.dsl;

import dev.dataversebdd.report.AllureEnvironment;
import dev.dataversebdd.report.Evidence;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.report.Recording;
import dev.dataversebdd.report.Redactor;
import dev.dataversebdd.safety.RowId;
import dev.dataversebdd.safety.RowLabels;
import dev.dataversebdd.safety.RunLedger;
import dev.dataversebdd.safety.SessionSafety;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.Connection;
import dev.dataversebdd.wire.Endpoint;
import dev.dataversebdd.wire.Gate;
import dev.dataversebdd.wire.HttpChannel;
import dev.dataversebdd.wire.RetryDecision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The entry point: a connection to one target (the embedded emulator or a live org), its schema read once from
 * {@code $metadata}, and a factory of per-scenario sessions.
 *
 * <pre>{@code
 * try (Target target = Targets.fromConfiguration(Settings.fromSystem())) {
 *     Dataverse dataverse = Dataverse.connect(target);
 *     try (DataverseSession dv = dataverse.openSession()) {
 *         RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 *         RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
 *         dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 *         dv.expect(contoso).collection("opportunity_customer_accounts").contains(deal);
 *     }   // closing deletes what the session created
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Dataverse implements AutoCloseable {

    private final Target target;
    private final ClientSchema schema;
    private final Redactor redactor;
    private final Connection connection;
    private final Gate gate;
    private final ExistingRowTurn existingRowTurn;
    private final java.util.BitSet openSlots = new java.util.BitSet();
    private RunLedger ledger;
    private Recording recording;
    private final Map<UUID, RowId> existingRows;

    private Dataverse(Target target, ClientSchema schema, Redactor redactor) {
        this.target = target;
        this.schema = schema;
        this.redactor = redactor;
        RetryPolicy retries = target.retryPolicy();
        this.gate = target.pacing().map(pacing -> new Gate(new Gate.Settings(pacing.maxWait(), pacing.maxInFlight(),
                pacing.stateFile(), "raise the maximum wait (dataverse.max-wait), send fewer requests at once "
                + "(dataverse.parallelism) or split the suite over jobs that run one after another"))).orElse(null);
        this.connection = new Connection(new Endpoint(target.serviceRoot(), target.description(), target::requestHeaders,
                new RetryDecision(retries.maxRetries(), retries.firstBackoff(), retries.maxWait()), gate));
        this.existingRowTurn = target.isSharedWithOthers() && !target.existingRows().isEmpty()
                ? new ExistingRowTurn(target.pacing().map(Pacing::maxWait).orElse(java.time.Duration.ofMinutes(15))) : null;
        this.existingRows = new LinkedHashMap<>();
        for (ExistingRow row : target.existingRows()) {
            ClientSchema.Table table = schema.table(row.table()).orElseThrow(() -> new IllegalArgumentException(
                    "The existing row " + row.table() + ":" + row.alias() + " (setting dataverse.existing-rows) names a "
                    + "table that " + target.description() + " does not have. Tables: " + schema.tableNames()));
            existingRows.put(row.id(), new RowId(table.logicalName(), table.entitySet(), row.id()));
        }
    }

    /** Reads the target's {@code $metadata} and returns a connection; the caller keeps ownership of the target. */
    public static Dataverse connect(Target target) {
        return connect(target, List.of());
    }

    /** As {@link #connect(Target)}, masking the given secret values wherever text leaves the process. */
    public static Dataverse connect(Target target, List<String> secrets) {
        ClientSchema schema;
        try {
            schema = ClientSchema.parse(target.metadataDocument());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the schema of " + target.description() + ": " + e.getMessage(), e);
        }
        List<String> all = new ArrayList<>(secrets);
        all.addAll(target.secrets());
        Redactor redactor = Redactor.withSecrets(all);
        AllureEnvironment.describe(target.reportFacts(), redactor);
        return new Dataverse(target, schema, redactor);
    }

    /**
     * Records every exchange of this connection's sessions to {@code file} from now on, redacted, as JSON lines (setting
     * {@code dataverse.record}); {@code conformance replay} checks the emulator against such a recording.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public synchronized Dataverse recordTo(Path file) {
        if (recording != null) {
            recording.close();
        }
        recording = Recording.open(file, redactor, target.serviceRoot(), "dataverse-bdd "
                + Optional.ofNullable(Dataverse.class.getPackage().getImplementationVersion()).orElse("development"));
        return this;
    }

    /** A session for one scenario or test: it remembers every row and link it creates and removes them on close. */
    public DataverseSession openSession() {
        Evidence attachments = new Evidence(redactor);
        Recording recordingNow;
        synchronized (this) {
            recordingNow = recording;
        }
        HttpChannel channel = connection.channel(recordingNow == null ? attachments : attachments.andThen(recordingNow),
                wait -> attachments.note("Waited for the org's service protection limits", wait));
        Failures failures = new Failures(new FailureReport(target.description(), redactor), new Hints(schema));
        Behaviours behaviours = new Behaviours(target, attachments, failures);
        Aliases aliases = new Aliases(); // the session's names: its safety net asks them, and keeps none of its own
        return new DataverseSession(this, new Conversation(channel, safety(channel, aliases::nameOf), failures,
                behaviours), aliases, behaviours, attachments);
    }

    /** The run's write-ahead ledger on a live org, once a session has opened it (empty on the emulator). */
    public synchronized Optional<Path> runLedger() {
        return Optional.ofNullable(ledger).map(RunLedger::file);
    }

    /** A session's safety net: the live guard on a live org, bookkeeping on the emulator. */
    SessionSafety safety(HttpChannel channel, RowLabels labels) {
        return !target.isSharedWithOthers() ? SessionSafety.forEmulator(schema, channel, labels)
                : SessionSafety.forLiveOrg(schema, channel, target.description(), existingRows, ledger(), labels);
    }

    /**
     * Ends the run on this connection: closes its ledger, releasing the lock that tells a sweep the run is alive.
     * The target stays open (its owner closes it). Without this, the lock goes when the JVM exits.
     */
    @Override
    public synchronized void close() {
        pacingSummary().ifPresent(summary -> System.getLogger("dev.dataversebdd").log(System.Logger.Level.INFO,
                "dataverse-bdd: pacing of this run: " + summary));
        if (ledger != null) {
            ledger.close();
        }
        if (recording != null) {
            recording.close();
        }
    }

    /**
     * What the run's pacing did so far (requests, 429s, time paused and held), one line for the run summary; empty when
     * the target is not paced.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Optional<String> pacingSummary() {
        return Optional.ofNullable(gate).map(Gate::summary);
    }

    /** Opened by the first session, so that a connection that only reads or sweeps writes no ledger. */
    private synchronized RunLedger ledger() {
        if (ledger == null) {
            ledger = target.runLedgerFolder().map(folder -> RunLedger.open(folder, target.rowNamePrefix().trim(),
                    target.serviceRoot())).orElse(null);
        }
        return ledger;
    }

    public Target target() {
        return target;
    }

    /**
     * A new session's place among the sessions open at once (1 for the first, and for every session of a serial run),
     * held until {@link #freeSlot}. On a live org a session in place 2 or above names its rows after the run tag and
     * its place ({@code dvbdd-20261202T010322Z-f16c s2 Contoso}), so scenarios running at once that create rows of one
     * alias and query them by name each find their own; the sweep still finds them by the run tag in front.
     */
    synchronized int takeSlot() {
        int slot = openSlots.nextClearBit(1);
        openSlots.set(slot);
        return slot;
    }

    synchronized void freeSlot(int slot) {
        openSlots.clear(slot);
    }

    /** The prefix of the names a session in {@code slot} gives its rows. */
    String namePrefix(int slot) {
        String run = target.rowNamePrefix();
        return run.isEmpty() || slot <= 1 ? run : run + "s" + slot + " ";
    }

    /** The turn the run's sessions take with the org's existing rows; empty where none are shared. */
    Optional<ExistingRowTurn> existingRowTurn() {
        return Optional.ofNullable(existingRowTurn);
    }

    ClientSchema schema() {
        return schema;
    }

    Redactor redactor() {
        return redactor;
    }

    /** A channel to the target that reports every exchange to {@code listener}. */
    HttpChannel channel(Consumer<RecordedExchange> listener) {
        return connection.channel(listener);
    }
}

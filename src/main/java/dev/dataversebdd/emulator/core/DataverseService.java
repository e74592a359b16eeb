package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.limits.Limiter;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import dev.dataversebdd.emulator.core.limits.Tally;
import dev.dataversebdd.emulator.core.ops.Responses;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The emulated Dataverse Web API, without any HTTP server: {@link #handle} takes a request and returns the
 * response Dataverse would give. Thread-safe: reads share a lock, each write holds it alone and runs as one unit
 * of work that is rolled back if it fails, so no request is ever half-applied.
 *
 * <pre>{@code
 * DataverseService service = new DataverseService(Schema.standard(), BehaviourProfile.defaults());
 * EmulatorResponse r = service.handle(EmulatorRequest.of("GET", "/api/data/v9.2/accounts", null, Map.of()));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DataverseService {

    // Each method hands its work to one package-private part, so this class reads as the emulator's whole surface
    // and an adapter needs nothing else of the core.

    public static final String BEHAVIOUR_HEADER = "X-Emulator-Behaviour";
    private static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

    private final Schema schema;
    private final Caller caller = Caller.standard();
    private final Security security;
    private final LockedStore store;
    private final Snapshots snapshots = new Snapshots();
    private final FaultsAndDelays trouble = new FaultsAndDelays();
    private final BearerCheck bearer = new BearerCheck();
    private final Journal journal = new Journal(DEFAULT_JOURNAL_CAPACITY);
    private final RequestPipeline pipeline;

    public DataverseService(Schema schema, BehaviourProfile profile) {
        this.schema = schema;
        this.security = new Security(schema, caller.userId());
        this.store = new LockedStore(schema, caller, security);
        this.pipeline = new RequestPipeline(store, trouble, bearer, journal, new AdminApi(this), profile);
    }

    public EmulatorResponse handle(EmulatorRequest request) {
        return pipeline.handle(request);
    }

    // ---- answers for what an HTTP adapter meets before a request reaches handle: Dataverse-shaped, free of Java ----
    // (public for emulator.http, which may reach the core only through this face)

    /** Dataverse's 413 for a body over the adapter's limit of {@code limit} bytes. */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public static EmulatorResponse payloadTooLarge(long limit) {
        return Responses.error(Errors.payloadTooLarge(limit));
    }

    /** A 400 for a body that could not be read whole: the client went away, or sent a broken body. */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public static EmulatorResponse unreadableBody() {
        return Responses.error(Errors.badPayload("The request body could not be read."));
    }

    /** Dataverse's error shape (code {@code 0x0}) for a request line or headers the server could not read. */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public static EmulatorResponse unreadableRequest(int status, String message) {
        return Responses.error(new DataverseException(status, "0x0", message));
    }

    /** A 500 naming {@code requestLine} for a defect outside the core (the core answers its own). */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public static EmulatorResponse defect(String requestLine) {
        return Responses.error(Errors.emulatorDefect(requestLine));
    }

    // ---- test and admin surface (also reachable over HTTP under /_emulator/, see AdminApi) ----

    /**
     * Loads an org's business units, roles (with privileges), users and teams from a security file's JSON (the format
     * is in security.md) and starts afresh as {@link #reset} does: the rows are part of the start-up state from now
     * on, and each user's {@code token} authenticates as them. Nothing is loaded when anything is wrong: an
     * {@link IllegalArgumentException} names {@code source}, the JSON path and the closest known name.
     */
    public void loadSecurity(String json, String source) {
        store.loadSecurity(json, source);
        snapshots.clear();
        trouble.clear();
        journal.clear();
    }

    /** Forgets every row, link, snapshot and fault but the start-up rows; the schema and behaviour profile stay. */
    public void reset() {
        store.reset();
        serviceProtection().ifPresent(this::serviceProtection);
        snapshots.clear();
        trouble.clear();
        journal.clear();
    }

    /** Saves the current rows and links under {@code name}. */
    public void snapshot(String name) {
        snapshots.save(name, store.copy());
    }

    /** Brings back the rows and links saved under {@code name}. */
    public void restore(String name) {
        store.replace(snapshots.copyOf(name));
    }

    /** Drops the snapshot saved under {@code name}, and the memory it holds. */
    public void deleteSnapshot(String name) {
        snapshots.delete(name);
    }

    public List<String> snapshotNames() {
        return snapshots.names();
    }

    public List<JournalEntry> journal() {
        return journal.entries();
    }

    public void clearJournal() {
        journal.clear();
    }

    /** How many requests the journal keeps (0 turns it off, e.g. for benchmarks). */
    public void journalCapacity(int capacity) {
        journal.capacity(capacity);
    }

    public void injectFault(Fault fault) {
        trouble.inject(fault);
    }

    /**
     * Makes the next write fail with {@code defect} after it has applied {@code afterChanges} changes, as a defect
     * of the emulator would (a test surface: the write must be rolled back and still answered).
     */
    public void injectDefect(Error defect, int afterChanges) {
        store.injectDefect(defect, afterChanges);
    }

    /**
     * Models Dataverse's service protection limits with these numbers, counted per caller from now on ({@code null}
     * turns them off, the default): over a limit a request is answered 429 with {@code Retry-After} and the limits
     * page's error, and every Web API answer carries the pacing headers. A reset starts every count afresh.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public void serviceProtection(ServiceProtection limits) {
        pipeline.limits(limits == null ? null : new Limiter(limits));
    }

    /** The limits in force, or empty when service protection is off. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public java.util.Optional<ServiceProtection> serviceProtection() {
        return java.util.Optional.ofNullable(pipeline.limits()).map(Limiter::limits);
    }

    /** What the limits did since they were switched on (or the last reset); empty while they are off. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public java.util.Optional<Tally> serviceProtectionTally() {
        return java.util.Optional.ofNullable(pipeline.limits()).map(Limiter::tally);
    }

    /** Slows the requests {@code delay} names (after the latency every request has). */
    public void injectDelay(Delay delay) {
        trouble.inject(delay);
    }

    /** Drops pending faults and delays, and the latency. */
    public void clearFaults() {
        trouble.clear();
    }

    /** True while injected latency or delays make requests sleep (the HTTP adapter then serves them on pool threads). */
    public boolean delaysRequests() {
        return trouble.delaysRequests();
    }

    /** Delays every request by {@code delay} (zero to stop). */
    public void latency(Duration delay) {
        trouble.latency(delay);
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every Web API request and answers 401 with
     * {@code WWW-Authenticate} otherwise; {@code null} turns the check off.
     */
    public void requireBearerToken(Predicate<String> acceptedTokens) {
        bearer.require(acceptedTokens);
    }

    /** True while requests need a bearer token. */
    public boolean requiresBearerToken() {
        return bearer.required();
    }

    /**
     * Whether {@code PUT /_emulator/auth} may change the token check over HTTP once one is in force (default false:
     * whoever may call the API could otherwise switch its protection off). Java callers can always change it.
     */
    public void allowAuthChangesOverHttp(boolean allow) {
        bearer.allowChangesOverHttp(allow);
    }

    boolean allowsAuthChangesOverHttp() {
        return bearer.allowsChangesOverHttp();
    }

    public BehaviourProfile profile() {
        return pipeline.profile();
    }

    public void profile(BehaviourProfile profile) {
        pipeline.profile(profile);
    }

    public Schema schema() {
        return schema;
    }

    /** Who the requests come from ({@code GET WhoAmI}). */
    public Caller caller() {
        return caller;
    }

    /** Rows a fresh emulator holds: the caller's {@code systemuser}, when the schema has the table, and a security file's users. */
    public int startupRowCount() {
        return store.startupRowCount();
    }

    /** Rows currently stored, all data tables and users together (the org's security tables apart, see security.md). */
    public int rowCount() {
        return store.rowCount();
    }

    /** Every row (columns and lookups, without the row version) and every N:N pair, one sorted line each. */
    public SortedMap<String, String> describeState() {
        return store.describe();
    }

    /** N:N pairs currently stored, all data relationships together (role assignments and memberships apart). */
    public long pairCount() {
        return store.pairCount();
    }
}

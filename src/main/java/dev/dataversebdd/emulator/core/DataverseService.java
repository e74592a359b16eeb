package dev.dataversebdd.emulator.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.ops.RequestContext;
import dev.dataversebdd.emulator.core.ops.Responses;
import dev.dataversebdd.emulator.core.ops.Router;
import dev.dataversebdd.emulator.core.ops.RowLocator;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.state.Store;
import dev.dataversebdd.emulator.core.uri.EntityUrl;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import dev.dataversebdd.emulator.core.uri.ResourcePath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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

    static final String API_PREFIX = "/api/data/";
    public static final String BEHAVIOUR_HEADER = "X-Emulator-Behaviour";
    private static final int DEFAULT_JOURNAL_CAPACITY = 10_000;
    private static final System.Logger LOG = System.getLogger("dev.dataversebdd.emulator");

    private final Schema schema;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Journal journal = new Journal(DEFAULT_JOURNAL_CAPACITY);
    private final FaultsAndDelays trouble = new FaultsAndDelays();
    private final Map<String, Store> snapshots = new LinkedHashMap<>();
    private final AdminApi admin = new AdminApi(this);
    private volatile BehaviourProfile profile;
    private volatile Predicate<String> bearerTokenCheck;
    private volatile boolean authChangesOverHttp;
    private final Caller caller = Caller.standard();
    private Store store;
    private volatile Error pendingDefect;
    private volatile int defectAfterChanges;
    private Router router;

    public DataverseService(Schema schema, BehaviourProfile profile) {
        this.schema = schema;
        this.profile = profile;
        this.store = freshStore();
        this.router = new Router(new RowLocator(schema, store), caller);
    }

    public EmulatorResponse handle(EmulatorRequest request) {
        if (request.path().startsWith(AdminApi.PREFIX)) {
            // the test surface can change and erase everything: when the API needs a token, so does it
            EmulatorResponse unauthorized = checkBearer(request, serviceRoot(request));
            return unauthorized != null ? unauthorized : admin.handle(request);
        }
        EmulatorResponse response;
        try {
            response = serve(request);
        } catch (DataverseException e) {
            response = Responses.error(e);
        } catch (Throwable e) { // any defect, Errors included, must still get an answer (the unit of work is rolled back)
            String requestLine = request.method() + " " + request.target();
            LOG.log(System.Logger.Level.ERROR, "emulator defect while serving " + requestLine, e);
            response = Responses.error(Errors.emulatorDefect(requestLine));
        }
        journal.record(request, response.status());
        return response;
    }

    private EmulatorResponse serve(EmulatorRequest request) {
        Optional<EmulatorResponse> faulted = trouble.beforeRequest();
        if (faulted.isPresent()) {
            return faulted.get();
        }
        String serviceRoot = serviceRoot(request);
        EmulatorResponse unauthorized = checkBearer(request, serviceRoot);
        if (unauthorized != null) {
            return unauthorized;
        }
        Routed routed = prepare(request, serviceRoot);
        if (routed.path().size() == 1 && routed.path().get(0).is("$batch")) {
            return batch(request, routed.context());
        }
        if (Router.isWrite(request.method())) {
            return write(routed.path(), routed.context());
        }
        lock.readLock().lock();
        try {
            return router.route(routed.path(), routed.context());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A request's resource path and what its operation needs to know. */
    private record Routed(ResourcePath path, RequestContext context) {
    }

    private Routed prepare(EmulatorRequest request, String serviceRoot) {
        BehaviourProfile requestProfile = profileFor(request);
        String version = versionOf(request, requestProfile);
        String resource = request.path().substring(API_PREFIX.length() + version.length());
        RequestContext context = new RequestContext(request, serviceRoot + API_PREFIX + version, requestProfile,
                QueryOptions.parse(request.rawQuery()));
        return new Routed(ResourcePath.parse(resource), context);
    }

    /** {@code POST $batch}: the whole batch holds the write lock, so no other request sees a change set half-done. */
    private EmulatorResponse batch(EmulatorRequest request, RequestContext context) {
        if (!request.method().equals("POST")) {
            throw Errors.noHttpResource(context.serviceRoot() + "/$batch");
        }
        String serviceRoot = serviceRoot(request);
        String version = context.serviceRoot().substring(context.serviceRoot().lastIndexOf('/') + 1);
        BatchRunner.Parts parts = new BatchRunner.Parts() {
            @Override
            public EmulatorResponse route(EmulatorRequest part) {
                Optional<EmulatorResponse> faulted = trouble.beforePart(); // as it would a request of its own
                if (faulted.isPresent()) {
                    return faulted.get();
                }
                Routed routed = prepare(part, serviceRoot);
                return router.route(routed.path(), routed.context());
            }

            @Override
            public void begin() {
                beginUnitOfWork();
            }

            @Override
            public void commit() {
                store.commit();
            }

            @Override
            public void rollback() {
                store.rollback();
            }

            @Override
            public void journal(EmulatorRequest part, int status) {
                journal.record(part, status);
            }
        };
        lock.writeLock().lock();
        try {
            return new BatchRunner(parts, request, version).run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private EmulatorResponse write(ResourcePath path, RequestContext context) {
        lock.writeLock().lock();
        try {
            beginUnitOfWork();
            try {
                EmulatorResponse response = router.route(path, context);
                store.commit();
                return response;
            } catch (Throwable e) { // whatever happened, nothing of the request may stay
                store.rollback();
                throw e;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void beginUnitOfWork() {
        store.begin();
        Error defect = pendingDefect;
        if (defect != null) {
            pendingDefect = null;
            store.failAfter(defectAfterChanges, defect);
        }
    }

    private static String versionOf(EmulatorRequest request, BehaviourProfile profile) {
        String path = request.path();
        String unknownCode = profile.mode(Behaviour.UNKNOWN_SEGMENT_CODE);
        if (!path.startsWith(API_PREFIX)) {
            String first = path.replaceFirst("^/", "");
            int slash = first.indexOf('/');
            throw Errors.resourceNotFoundForSegment(slash < 0 ? first : first.substring(0, slash), unknownCode);
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        if (!EntityUrl.VERSIONS.contains(version)) {
            throw Errors.resourceNotFoundForSegment(version, unknownCode);
        }
        return version;
    }

    private static String serviceRoot(EmulatorRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null || host.isBlank() ? "localhost" : host.trim());
    }

    private BehaviourProfile profileFor(EmulatorRequest request) {
        String overrides = request.header(BEHAVIOUR_HEADER);
        if (overrides == null) {
            return profile;
        }
        try {
            return profile.withAll(overrides);
        } catch (IllegalArgumentException e) {
            throw new DataverseException(400, "EMULATOR_BEHAVIOUR", "Header " + BEHAVIOUR_HEADER + ": " + e.getMessage());
        }
    }

    private EmulatorResponse checkBearer(EmulatorRequest request, String serviceRoot) {
        Predicate<String> check = bearerTokenCheck;
        if (check == null) {
            return null;
        }
        String authorization = request.header("Authorization");
        boolean ok = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && check.test(authorization.substring(7).trim());
        if (ok) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/"
                + "authorize, resource_id=" + serviceRoot + "/");
        headers.put("OData-Version", "4.0");
        return new EmulatorResponse(401, headers, new byte[0]);
    }

    // ---- test and admin surface (also reachable over HTTP under /_emulator/, see AdminApi) ----

    /** Forgets every row, link, snapshot and fault but the caller's row; the schema and behaviour profile stay. */
    public void reset() {
        replaceStore(freshStore());
        synchronized (snapshots) {
            snapshots.clear();
        }
        clearFaults();
        journal.clear();
    }

    /** Saves the current rows and links under {@code name}. */
    public void snapshot(String name) {
        lock.readLock().lock();
        try {
            Store copy = store.copy();
            synchronized (snapshots) {
                snapshots.put(name, copy);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Brings back the rows and links saved under {@code name}. */
    public void restore(String name) {
        Store saved;
        synchronized (snapshots) {
            saved = snapshots.get(name);
        }
        if (saved == null) {
            throw new IllegalArgumentException("no snapshot named '" + name + "'; taken: " + snapshotNames());
        }
        replaceStore(saved.copy());
    }

    /** Drops the snapshot saved under {@code name}, and the memory it holds. */
    public void deleteSnapshot(String name) {
        synchronized (snapshots) {
            if (snapshots.remove(name) == null) {
                throw new IllegalArgumentException("no snapshot named '" + name + "'; taken: " + snapshots.keySet());
            }
        }
    }

    public List<String> snapshotNames() {
        synchronized (snapshots) {
            return List.copyOf(snapshots.keySet());
        }
    }

    private void replaceStore(Store replacement) {
        lock.writeLock().lock();
        try {
            store = replacement;
            router = new Router(new RowLocator(schema, store), caller);
        } finally {
            lock.writeLock().unlock();
        }
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
        defectAfterChanges = afterChanges;
        pendingDefect = defect;
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
        bearerTokenCheck = acceptedTokens;
    }

    /** True while requests need a bearer token. */
    public boolean requiresBearerToken() {
        return bearerTokenCheck != null;
    }

    /**
     * Whether {@code PUT /_emulator/auth} may change the token check over HTTP once one is in force (default false:
     * whoever may call the API could otherwise switch its protection off). Java callers can always change it.
     */
    public void allowAuthChangesOverHttp(boolean allow) {
        authChangesOverHttp = allow;
    }

    boolean allowsAuthChangesOverHttp() {
        return authChangesOverHttp;
    }

    public BehaviourProfile profile() {
        return profile;
    }

    public void profile(BehaviourProfile profile) {
        this.profile = profile;
    }

    public Schema schema() {
        return schema;
    }

    /** Who the requests come from ({@code GET WhoAmI}). */
    public Caller caller() {
        return caller;
    }

    /** Rows a fresh emulator holds: the caller's {@code systemuser}, when the schema has the table. */
    public int startupRowCount() {
        return schema.byLogicalName("systemuser").isPresent() ? 1 : 0;
    }

    /** An empty store but for the caller's row. */
    private Store freshStore() {
        Store fresh = new Store();
        if (startupRowCount() == 1) {
            ObjectNode user = JsonNodeFactory.instance.objectNode();
            user.put("fullname", caller.fullName());
            fresh.insert("systemuser", caller.userId(), user);
        }
        return fresh;
    }

    /** Rows currently stored, all tables together. */
    public int rowCount() {
        lock.readLock().lock();
        try {
            return store.rowCount();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every row (columns and lookups, without the row version) and every N:N pair, one sorted line each. */
    public java.util.SortedMap<String, String> describeState() {
        lock.readLock().lock();
        try {
            return store.describe();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** N:N pairs currently stored, all relationships together. */
    public long pairCount() {
        lock.readLock().lock();
        try {
            return store.pairCount();
        } finally {
            lock.readLock().unlock();
        }
    }
}

package dev.dataversebdd.emulator.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.ops.Router;
import dev.dataversebdd.emulator.core.ops.RowLocator;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.security.Security;
import dev.dataversebdd.emulator.core.security.SecurityFile;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.SortedMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The rows and links, and the router over them, behind one read-write lock: reads share it; a write holds it alone
 * and runs as one unit of work that is rolled back if anything is thrown, so no request is ever half-applied.
 */
final class LockedStore {

    static final String ROOT_UNIT_NAME = "Emulator Org";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Schema schema;
    private final Caller caller;
    private final Security security;
    private volatile int startupRows;
    private Store store;
    private Router router;
    private volatile Error pendingDefect;
    private volatile int defectAfterChanges;

    LockedStore(Schema schema, Caller caller, Security security) {
        this.schema = schema;
        this.caller = caller;
        this.security = security;
        use(fresh());
        this.startupRows = rowCount();
    }

    EmulatorResponse read(ParsedRequest request) {
        return shared(() -> route(request));
    }

    EmulatorResponse write(ParsedRequest request) {
        return alone(() -> {
            begin();
            try {
                EmulatorResponse response = route(request);
                commit();
                return response;
            } catch (Throwable e) { // whatever happened, nothing of the request may stay
                rollback();
                throw e;
            }
        });
    }

    /**
     * Runs {@code work} holding the lock alone, as a {@code $batch} does so that no other request sees a change set
     * half-done; the work opens its own units of work with {@link #begin}, and routes with {@link #route}.
     */
    <T> T alone(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Routes under the lock its caller holds. */
    EmulatorResponse route(ParsedRequest request) {
        return router.route(request.path(), request.context());
    }

    /** Opens a unit of work, armed with the injected defect if one is pending (held alone). */
    void begin() {
        store.begin();
        Error defect = pendingDefect;
        if (defect != null) {
            pendingDefect = null;
            store.failAfter(defectAfterChanges, defect);
        }
    }

    void commit() {
        store.commit();
    }

    void rollback() {
        store.rollback();
    }

    /** Makes the next unit of work fail with {@code defect} after {@code afterChanges} changes. */
    void injectDefect(Error defect, int afterChanges) {
        defectAfterChanges = afterChanges;
        pendingDefect = defect;
    }

    /** A copy of the rows and links, safe to keep while requests go on. */
    Store copy() {
        return shared(() -> store.copy());
    }

    /** Makes {@code replacement} the store every later request sees. */
    void replace(Store replacement) {
        lock.writeLock().lock();
        try {
            use(replacement);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Back to the rows of a fresh emulator. */
    void reset() {
        replace(fresh());
    }

    /** Checks a security file against the schema, then makes its rows part of every fresh store, this one first. */
    void loadSecurity(String json, String source) {
        SecurityFile file = SecurityFile.parse(json, source, security.catalogue(),
                new SecurityFile.Seeded(caller.businessUnitId(), ROOT_UNIT_NAME, caller.userId(), caller.fullName()));
        security.use(file);
        reset();
        startupRows = rowCount();
    }

    /** Rows a fresh emulator holds (as {@link #rowCount} counts them): the caller's {@code systemuser}, a file's users. */
    int startupRowCount() {
        return startupRows;
    }

    /** Rows of the data tables and users: the org's security tables (units, teams, roles, privileges, shares) apart. */
    int rowCount() {
        return shared(() -> {
            int count = store.rowCount();
            for (String table : Security.ORG_TABLES) {
                count -= store.rows(table).size();
            }
            return count;
        });
    }

    /** N:N pairs of the data tables: role assignments, memberships and role privileges apart. */
    long pairCount() {
        return shared(() -> {
            long count = store.pairCount();
            for (String relationship : Security.ORG_RELATIONSHIPS) {
                count -= store.pairCount(relationship);
            }
            return count;
        });
    }

    SortedMap<String, String> describe() {
        return shared(() -> store.describe());
    }

    private <T> T shared(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void use(Store replacement) {
        store = replacement;
        router = new Router(new RowLocator(schema, store), caller, security);
    }

    /** An empty store but for the caller's row and the org's security (root unit, roles, privileges). */
    private Store fresh() {
        Store fresh = new Store();
        if (schema.byLogicalName("systemuser").isPresent()) {
            ObjectNode user = JsonNodeFactory.instance.objectNode();
            user.put("fullname", caller.fullName());
            fresh.insert("systemuser", caller.userId(), user);
        }
        security.seed(fresh, caller.businessUnitId(), ROOT_UNIT_NAME);
        return fresh;
    }
}

package dev.dataversebdd.emulator.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.ops.Router;
import dev.dataversebdd.emulator.core.ops.RowLocator;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.SortedMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The rows and links, and the router over them, behind one read-write lock: reads share it; a write holds it alone
 * and runs as one unit of work that is rolled back if anything is thrown, so no request is ever half-applied.
 */
final class LockedStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Schema schema;
    private final Caller caller;
    private Store store;
    private Router router;
    private volatile Error pendingDefect;
    private volatile int defectAfterChanges;

    LockedStore(Schema schema, Caller caller) {
        this.schema = schema;
        this.caller = caller;
        use(fresh());
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

    /** Rows a fresh emulator holds: the caller's {@code systemuser}, when the schema has the table. */
    int startupRowCount() {
        return schema.byLogicalName("systemuser").isPresent() ? 1 : 0;
    }

    int rowCount() {
        return shared(() -> store.rowCount());
    }

    long pairCount() {
        return shared(() -> store.pairCount());
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
        router = new Router(new RowLocator(schema, store), caller);
    }

    /** An empty store but for the caller's row. */
    private Store fresh() {
        Store fresh = new Store();
        if (startupRowCount() == 1) {
            ObjectNode user = JsonNodeFactory.instance.objectNode();
            user.put("fullname", caller.fullName());
            fresh.insert("systemuser", caller.userId(), user);
        }
        return fresh;
    }
}

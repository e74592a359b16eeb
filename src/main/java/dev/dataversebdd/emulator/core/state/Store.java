package dev.dataversebdd.emulator.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The emulator's rows, lookups and N:N pairs, with the indexes that keep association, disassociation and
 * collection reads independent of how many rows there are (no scans on the request path).
 *
 * <p>Not thread-safe: the service serialises writers. Every mutation is recorded in an undo log while a
 * {@link #begin() unit of work} is open, so a request that fails half-way leaves nothing behind.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Store {

    /** Rows of one referencing table whose lookup points at one target row. */
    private record ReverseKey(String referencingType, String lookupProperty, UUID targetId) {
    }

    /** One side of an N:N relationship's pair set. */
    private record PairKey(String relationship, EntityRef row) {
    }

    private final Map<String, Map<UUID, Row>> rows = new HashMap<>();
    private final Map<ReverseKey, Set<UUID>> referencing = new HashMap<>();
    private final Map<PairKey, Set<EntityRef>> pairs = new HashMap<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean recording;
    private int changesUntilDefect = -1;
    private Error defect;
    private long versionClock = 1_000_000L;
    private long pairCount;

    /** Starts recording undo actions; {@link #commit()} or {@link #rollback()} ends the unit. */
    public void begin() {
        undo.clear();
        recording = true;
    }

    public void commit() {
        undo.clear();
        recording = false;
        defect = null;
    }

    public void rollback() {
        recording = false;
        defect = null;
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private void onUndo(Runnable action) {
        if (recording) {
            undo.push(action);
            if (defect != null && --changesUntilDefect <= 0) {
                Error thrown = defect;
                defect = null;
                throw thrown;
            }
        }
    }

    /** Within the open unit of work, throws {@code error} right after the {@code changes}-th change (tests). */
    public void failAfter(int changes, Error error) {
        changesUntilDefect = changes;
        defect = error;
    }

    public Row insert(String logicalName, UUID id, ObjectNode attributes) {
        Row row = new Row(logicalName, id, attributes, ++versionClock);
        rows.computeIfAbsent(logicalName, k -> new HashMap<>()).put(id, row);
        onUndo(() -> rows.get(logicalName).remove(id));
        return row;
    }

    public Optional<Row> find(String logicalName, UUID id) {
        Map<UUID, Row> table = rows.get(logicalName);
        return Optional.ofNullable(table == null ? null : table.get(id));
    }

    public Optional<Row> find(EntityRef ref) {
        return find(ref.logicalName(), ref.id());
    }

    public Collection<Row> rows(String logicalName) {
        Map<UUID, Row> table = rows.get(logicalName);
        return table == null ? List.of() : List.copyOf(table.values());
    }

    public int rowCount() {
        return rows.values().stream().mapToInt(Map::size).sum();
    }

    public long pairCount() {
        return pairCount;
    }

    /** N:N pairs of {@code relationship}. */
    public long pairCount(String relationship) {
        long ends = 0;
        for (Map.Entry<PairKey, Set<EntityRef>> entry : pairs.entrySet()) {
            if (entry.getKey().relationship().equals(relationship)) {
                ends += entry.getValue().size();
            }
        }
        return ends / 2;
    }

    public void setAttribute(Row row, String name, JsonNode value) {
        JsonNode previous = row.attributes.get(name);
        long previousVersion = row.version;
        row.attributes.set(name, value);
        row.version = ++versionClock;
        onUndo(() -> {
            if (previous == null) {
                row.attributes.remove(name);
            } else {
                row.attributes.set(name, previous);
            }
            row.version = previousVersion;
        });
    }

    /** Points {@code row}'s lookup at {@code target}, or clears it when {@code target} is null. */
    public void setLookup(Row row, String lookupProperty, EntityRef target) {
        EntityRef previous = row.lookups.get(lookupProperty);
        long previousVersion = row.version;
        unindex(row, lookupProperty, previous);
        if (target == null) {
            row.lookups.remove(lookupProperty);
        } else {
            row.lookups.put(lookupProperty, target);
            index(row, lookupProperty, target);
        }
        row.version = ++versionClock;
        onUndo(() -> {
            unindex(row, lookupProperty, target);
            if (previous == null) {
                row.lookups.remove(lookupProperty);
            } else {
                row.lookups.put(lookupProperty, previous);
                index(row, lookupProperty, previous);
            }
            row.version = previousVersion;
        });
    }

    private void index(Row row, String lookupProperty, EntityRef target) {
        referencing.computeIfAbsent(new ReverseKey(row.logicalName(), lookupProperty, target.id()),
                k -> new LinkedHashSet<>()).add(row.id());
    }

    private void unindex(Row row, String lookupProperty, EntityRef target) {
        if (target == null) {
            return;
        }
        ReverseKey key = new ReverseKey(row.logicalName(), lookupProperty, target.id());
        Set<UUID> ids = referencing.get(key);
        if (ids != null) {
            ids.remove(row.id());
            if (ids.isEmpty()) {
                referencing.remove(key);
            }
        }
    }

    /** Rows of {@code referencingType} whose {@code lookupProperty} points at {@code target}, oldest first. */
    public List<Row> referencing(String referencingType, String lookupProperty, EntityRef target) {
        Set<UUID> ids = referencing.get(new ReverseKey(referencingType, lookupProperty, target.id()));
        if (ids == null) {
            return List.of();
        }
        List<Row> result = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            find(referencingType, id).filter(r -> target.equals(r.lookup(lookupProperty))).ifPresent(result::add);
        }
        return result;
    }

    /** Adds an N:N pair; false when it exists already. */
    public boolean addPair(String relationship, EntityRef a, EntityRef b) {
        if (!pairs.computeIfAbsent(new PairKey(relationship, a), k -> new LinkedHashSet<>()).add(b)) {
            return false;
        }
        pairs.computeIfAbsent(new PairKey(relationship, b), k -> new LinkedHashSet<>()).add(a);
        pairCount++;
        onUndo(() -> removePair(relationship, a, b));
        return true;
    }

    /** Removes an N:N pair; false when there was none. */
    public boolean removePair(String relationship, EntityRef a, EntityRef b) {
        Set<EntityRef> fromA = pairs.get(new PairKey(relationship, a));
        if (fromA == null || !fromA.remove(b)) {
            return false;
        }
        if (fromA.isEmpty()) {
            pairs.remove(new PairKey(relationship, a));
        }
        Set<EntityRef> fromB = pairs.get(new PairKey(relationship, b));
        if (fromB != null) {
            fromB.remove(a);
            if (fromB.isEmpty()) {
                pairs.remove(new PairKey(relationship, b));
            }
        }
        pairCount--;
        onUndo(() -> addPair(relationship, a, b));
        return true;
    }

    public List<EntityRef> pairedWith(String relationship, EntityRef row) {
        Set<EntityRef> related = pairs.get(new PairKey(relationship, row));
        return related == null ? List.of() : List.copyOf(related);
    }

    /**
     * Removes a row with its own lookups and its N:N pairs. What happens to rows that point at it (cascade or
     * remove-link) is the caller's decision, made from the schema before this call.
     */
    public void delete(Row row, Collection<String> manyToManyRelationships) {
        for (String lookup : List.copyOf(row.lookups.keySet())) {
            setLookup(row, lookup, null);
        }
        for (String relationship : manyToManyRelationships) {
            for (EntityRef other : pairedWith(relationship, row.ref())) {
                removePair(relationship, row.ref(), other);
            }
        }
        rows.get(row.logicalName()).remove(row.id());
        onUndo(() -> rows.get(row.logicalName()).put(row.id(), row));
    }

    /**
     * Every row and pair as one line of text each, sorted: {@code account <id> {columns} lookups {…}} and
     * {@code pair <relationship> <row> <row>}. The row version is left out, so a value put back reads the same.
     */
    public SortedMap<String, String> describe() {
        SortedMap<String, String> lines = new TreeMap<>();
        rows.forEach((type, table) -> table.forEach((id, row) -> {
            ObjectNode columns = row.attributes.deepCopy();
            columns.remove(List.of("versionnumber", "modifiedon"));
            lines.put(type + " " + id, columns + " lookups " + new TreeMap<>(row.lookups));
        }));
        pairs.forEach((key, related) -> related.forEach(other -> {
            if (key.row().id().compareTo(other.id()) < 0) {
                lines.put("pair " + key.relationship() + " " + key.row().id() + " " + other.id(), "");
            }
        }));
        return lines;
    }

    /** Deep copy of the whole state, for snapshot and restore. */
    public Store copy() {
        Store copy = new Store();
        copy.versionClock = versionClock;
        rows.forEach((type, table) -> {
            Map<UUID, Row> copied = new LinkedHashMap<>();
            table.forEach((id, row) -> copied.put(id, row.copy()));
            copy.rows.put(type, copied);
        });
        referencing.forEach((key, ids) -> copy.referencing.put(key, new LinkedHashSet<>(ids)));
        pairs.forEach((key, related) -> copy.pairs.put(key, new LinkedHashSet<>(related)));
        copy.pairCount = pairCount;
        return copy;
    }
}

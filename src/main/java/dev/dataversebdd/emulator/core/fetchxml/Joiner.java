package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the joins of a plan as SQL would: an inner join keeps a row once per matching linked row and drops it without
 * one; an outer join keeps it with an empty link. A link-entity's own filter narrows the linked rows before they are
 * matched (so an outer join still keeps the row). Linked rows the caller may not read are not joined, as an
 * {@code $expand} leaves them out (security.md). Each link is a hash join: its table is read once per query.
 */
final class Joiner {

    private final Store store;
    private final Guard guard;
    private final FetchSemantics semantics;
    private final Map<String, Joined> joins;

    Joiner(Store store, Guard guard, FetchSemantics semantics, Map<String, Joined> joins) {
        this.store = store;
        this.guard = guard;
        this.semantics = semantics;
        this.joins = joins;
    }

    List<Tuple> join(List<Tuple> tuples, List<Joined> plan) {
        List<Tuple> current = tuples;
        for (Joined joined : plan) {
            current = joined.throughIntersect() == null ? hashJoin(current, joined) : intersect(current, joined);
        }
        return current;
    }

    private List<Tuple> hashJoin(List<Tuple> tuples, Joined joined) {
        TupleFilter filter = TupleFilter.compile(joined.link().filter(), joined.key(), joined.type(), joins, false,
                semantics);
        Map<Object, List<Row>> index = new HashMap<>();
        for (Row row : store.rows(joined.type().logicalName())) {
            Object key = ColumnValues.key(joined.type(), row, joined.fromProperty());
            if (key != null && readable(row) && filter.test(joined.key(), row)) {
                index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
            }
        }
        List<Tuple> result = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            Row parent = tuple.row(joined.parentKey());
            Object key = parent == null ? null : ColumnValues.key(joined.parentType(), parent, joined.toProperty());
            emit(result, tuple, joined, key == null ? List.of() : index.getOrDefault(key, List.of()));
        }
        return result;
    }

    private List<Tuple> intersect(List<Tuple> tuples, Joined joined) {
        TupleFilter filter = TupleFilter.compile(joined.link().filter(), joined.key(), joined.type(), joins, false,
                semantics);
        List<Tuple> result = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            Row parent = tuple.row(joined.parentKey());
            List<Row> matches = new ArrayList<>();
            if (parent != null) {
                for (EntityRef ref : store.pairedWith(joined.throughIntersect().name(), parent.ref())) {
                    store.find(ref).filter(row -> readable(row) && filter.test(joined.key(), row)).ifPresent(matches::add);
                }
            }
            emit(result, tuple, joined, matches);
        }
        return result;
    }

    private static void emit(List<Tuple> result, Tuple tuple, Joined joined, List<Row> matches) {
        if (joined.exists()) {
            if (!matches.isEmpty()) {
                result.add(tuple); // EXISTS: the row once, whatever the number of matches
            }
            return;
        }
        if (matches.isEmpty()) {
            if (joined.outer()) {
                result.add(tuple.with(joined.key(), null));
            }
            return;
        }
        for (Row match : matches) {
            result.add(tuple.with(joined.key(), match));
        }
    }

    private boolean readable(Row row) {
        return guard.passesEverything() || guard.mayRead(row);
    }
}

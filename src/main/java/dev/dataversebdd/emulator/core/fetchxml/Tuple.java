package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.state.Row;
import java.util.HashMap;
import java.util.Map;

/** One result row before projection: the entity's row and, per link key, the joined row (null: outer, no match). */
record Tuple(Row main, Map<String, Row> linked) {

    static Tuple of(Row main) {
        return new Tuple(main, Map.of());
    }

    Row row(String key) {
        return key == null ? main : linked.get(key);
    }

    Tuple with(String key, Row row) {
        Map<String, Row> more = new HashMap<>(linked);
        more.put(key, row);
        return new Tuple(main, more);
    }
}

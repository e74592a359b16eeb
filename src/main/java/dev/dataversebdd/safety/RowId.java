package dev.dataversebdd.safety;

import java.util.UUID;

/** One row of the target, as the guard and the ledger know it: its table, entity set and id. */
public record RowId(String table, String entitySet, UUID id) {

    /** {@code accounts(…)}, relative to the service root. */
    public String path() {
        return entitySet + "(" + id + ")";
    }

    @Override
    public String toString() {
        return table + " " + id;
    }
}

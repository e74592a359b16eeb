package dev.dataversebdd.safety;

import java.util.UUID;
import org.apiguardian.api.API;

/** One row of the target, as the guard and the ledger know it: its table, entity set and id. */
@API(status = API.Status.INTERNAL, since = "0.1")
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

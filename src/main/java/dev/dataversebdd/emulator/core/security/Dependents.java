package dev.dataversebdd.emulator.core.security;

import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Rows of the security model that exist only between two others and go when either goes, whatever the schema's
 * relationships say: the shares of a row or with a user or team ({@code principalobjectaccess}), and a role's links
 * to its privileges ({@code roleprivileges}, "a record that defines the privileges of a role").
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Dependents {

    private Dependents() {
    }

    /** The rows that go with {@code row}. */
    public static List<Row> of(Store store, Row row) {
        List<Row> dependents = new ArrayList<>(Sharing.sharesNaming(store, row.ref()));
        if (row.logicalName().equals("role")) {
            dependents.addAll(store.referencing("roleprivileges", "_roleid_value", row.ref()));
        }
        return dependents;
    }
}

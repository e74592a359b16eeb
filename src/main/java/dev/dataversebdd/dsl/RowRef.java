package dev.dataversebdd.dsl;

import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A row the session created (or was told about), known by its alias in scenarios.
 *
 * <pre>{@code
 * RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 * contoso.id();   // the GUID Dataverse gave it
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RowRef(String alias, String table, String entitySet, UUID id) {

    /** {@code accounts(00000000-…)}: the relative form of the row's URL. */
    public String path() {
        return entitySet + "(" + id + ")";
    }

    /** {@code account "Contoso"}, the way scenarios name it. */
    public String describe() {
        return table + " \"" + alias + "\"";
    }
}

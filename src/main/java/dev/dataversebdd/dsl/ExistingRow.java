package dev.dataversebdd.dsl;

import java.util.UUID;
import org.apiguardian.api.API;

/** A row of a live org that scenarios may use (never delete) because the user named it in configuration. */
@API(status = API.Status.STABLE, since = "0.1")
public record ExistingRow(String table, String alias, UUID id) {
}

package dev.dataversebdd.dsl;

import java.util.UUID;

/** A row of a live org that scenarios may use (never delete) because the user named it in configuration. */
public record ExistingRow(String table, String alias, UUID id) {
}

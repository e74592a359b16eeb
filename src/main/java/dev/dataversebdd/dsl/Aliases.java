package dev.dataversebdd.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows a session knows by name, keyed by table <em>and</em> alias: an account and a contact may both be called
 * "Contoso". A bare alias that names rows of two tables is refused, listing both, so a step never picks the wrong one.
 * The one place names are kept: read-back failures and the safety net's refusals and cleanup problems ask here.
 */
final class Aliases {

    /** The latest naming of a row: how a read-back shows it, and the scenario's name of it (null when it has none). */
    private record Naming(String label, String name) {
    }

    private final Map<String, RowRef> rows = new LinkedHashMap<>();
    private final Map<UUID, Naming> byId = new HashMap<>();

    /** A row known by its alias. */
    void put(RowRef row) {
        rows.put(key(row.table(), row.alias()), row);
        byId.put(row.id(), new Naming(row.describe(), row.describe()));
    }

    /** A row of the org named in {@code dataverse.existing-rows}, known by its alias. */
    void putExisting(RowRef row) {
        rows.put(key(row.table(), row.alias()), row);
        byId.put(row.id(), new Naming(row.describe() + " (existing)", row.describe()));
    }

    /** A row the session made that has no alias (a raw create, a row nested in one): known by id only. */
    void putUnnamed(RowRef row) {
        byId.put(row.id(), new Naming(row.table() + " " + row.id(), null));
    }

    Optional<RowRef> find(String table, String alias) {
        return Optional.ofNullable(rows.get(key(table, alias)));
    }

    /** How a read-back names the row: {@code account "Contoso"}, {@code … (existing)}, or its table and id. */
    Optional<String> label(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(Naming::label);
    }

    /** How the scenario names the row ({@code account "Contoso"}), for the safety net; empty when it has no alias. */
    Optional<String> nameOf(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(Naming::name);
    }

    /** The row of {@code table} called {@code alias}; fails naming the rows that are known. */
    RowRef get(String table, String alias) {
        return find(table, alias).orElseThrow(() -> new IllegalArgumentException("no " + table + " called \"" + alias
                + "\" in this scenario" + others(alias) + "; known: " + known()));
    }

    /** The one row called {@code alias}, whatever its table; fails when there is none, or more than one. */
    RowRef get(String alias) {
        List<RowRef> named = rows.values().stream().filter(r -> r.alias().equals(alias)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no row called \"" + alias + "\" in this scenario; known: " + known());
        }
        throw new IllegalArgumentException("\"" + alias + "\" names " + named.size() + " rows: "
                + named.stream().map(RowRef::describe).toList() + "; say which, e.g. {" + named.get(0).table() + ":"
                + alias + "}");
    }

    void clear() {
        rows.clear();
        byId.clear();
    }

    private String others(String alias) {
        List<String> others = new ArrayList<>();
        rows.values().stream().filter(r -> r.alias().equals(alias)).forEach(r -> others.add(r.describe()));
        return others.isEmpty() ? "" : " (but " + String.join(", ", others) + ")";
    }

    private Object known() {
        return rows.isEmpty() ? "none yet" : rows.values().stream().map(RowRef::describe).toList();
    }

    private static String key(String table, String alias) {
        return table + "\u0000" + alias;
    }
}

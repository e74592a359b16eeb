package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.ClientSchema;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * What a session knows by name: the target's tables and navigation properties (with "did you mean" failures), names
 * given to rows the session learned of, the name a row is stored under, and a row that does not exist. Reached
 * through {@link DataverseSession#names()}.
 *
 * <pre>{@code
 * dv.send("POST", "accounts").body("{\"name\":\"Raw\",\"primarycontactid\":{\"lastname\":\"Ann\"}}").send().isNoContent();
 * RowRef raw = dv.names().nameLastCreated("Raw");
 * RowRef gone = dv.names().missingRow("account");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class RowNames {

    private final Rows rows;
    private final UUID missingId = UUID.randomUUID();

    RowNames(Rows rows) {
        this.rows = rows;
    }

    /** The logical name of a table the target has (by logical name or entity set); fails listing the tables. */
    public String requireTable(String name) {
        return rows.table(name).logicalName();
    }

    /** True when the target has a table of that logical name or entity set. */
    public boolean hasTable(String name) {
        return rows.schema().table(name).isPresent();
    }

    /** A navigation property that some table of the target declares; fails with the closest names. */
    public String requireNavigation(String name) {
        return rows.requireNavigation(name);
    }

    /**
     * A navigation property of {@code row}'s own table: what a sentence like "the {nav} of {row}" needs. Fails before
     * any request when the row's table does not declare it, naming the table that does (are two rows swapped?) or
     * the closest name.
     */
    public String requireNavigation(RowRef row, String name) {
        return rows.requireNavigation(row.table(), name, row.describe());
    }

    /** A navigation property of {@code table}, for a row about to be created; fails as {@link #requireNavigation(RowRef, String)}. */
    public String requireNavigation(String table, String name) {
        return rows.requireNavigation(table, name, "a new " + rows.table(table).logicalName());
    }

    /**
     * Gives a name to a row the session learned of, e.g. a row created by deep insert or a raw request. Naming a row
     * never makes it the session's own: only the session's own creates do.
     */
    public RowRef name(String alias, String table, UUID id) {
        return rows.name(alias, table, id);
    }

    /**
     * Names the row a single-valued navigation property of {@code row} points to, e.g. the contact a deep insert
     * created as {@code primarycontactid}. On a live org the named row is used, never deleted, unless the session
     * created it.
     */
    public RowRef nameRelated(RowRef row, String singleNavigation, String alias) {
        return rows.nameRelated(row, singleNavigation, alias);
    }

    /** Names the row the last create (DSL or raw POST) made, so later steps can refer to it. */
    public RowRef nameLastCreated(String alias) {
        RowRef last = rows.lastCreated();
        return rows.name(alias, last.table(), last.id());
    }

    /** The name {@code row} is stored under: its alias, behind the run tag on a live org. */
    public String storedName(RowRef row) {
        return storedName(row.alias());
    }

    /**
     * The name a row called {@code alias} is stored under, whether or not it exists yet: e.g. for a row a raw request
     * or a batch written by hand creates, so that a live run's sweep can find it.
     */
    public String storedName(String alias) {
        return rows.storedName(alias);
    }

    /**
     * A GUID that names no row (the same one for the whole session), for "does not exist" checks; live runs may send
     * it safely.
     */
    public UUID missingId() {
        return missingId;
    }

    /** A row of {@code table} that does not exist ({@link #missingId()}), for requests that must name one. */
    public RowRef missingRow(String table) {
        ClientSchema.Table known = rows.table(table);
        return new RowRef("{missing}", known.logicalName(), known.entitySet(), missingId);
    }
}

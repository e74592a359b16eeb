package dev.dataversebdd.dsl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A row to create: its table, its alias (also written to the table's primary name column), column values,
 * {@code @odata.bind}s to existing rows and nested rows for deep insert. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * NewRow account = NewRow.of("account", "Contoso")
 *         .with("telephone1", "555-0100")
 *         .bind("primarycontactid", ann)
 *         .insert("opportunity_customer_accounts", NewRow.of("opportunity", "Big deal"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class NewRow {

    private final String table;
    private final String alias;
    private final Map<String, Object> values;
    private final Map<String, List<RowRef>> binds;
    private final Map<String, List<NewRow>> inserts;

    private NewRow(String table, String alias, Map<String, Object> values, Map<String, List<RowRef>> binds,
                   Map<String, List<NewRow>> inserts) {
        this.table = table;
        this.alias = alias;
        this.values = values;
        this.binds = binds;
        this.inserts = inserts;
    }

    /** @param table logical name ({@code account}) or entity set ({@code accounts}) */
    public static NewRow of(String table, String alias) {
        return new NewRow(table, alias, Map.of(), Map.of(), Map.of());
    }

    /** A column value: String, Number, Boolean or null. */
    public NewRow with(String column, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new NewRow(table, alias, copy, binds, inserts);
    }

    /**
     * Column values written as text (from a Gherkin table): numbers become numbers, {@code true}/{@code false}
     * booleans, {@code null} null, anything else stays a string.
     */
    public NewRow withText(Map<String, String> columns) {
        NewRow row = this;
        for (Map.Entry<String, String> column : columns.entrySet()) {
            row = row.with(column.getKey(), typed(column.getValue()));
        }
        return row;
    }

    /**
     * One row of a deep insert below the root: where it goes (a path of navigation properties), what it is, and its
     * own column values and binds.
     */
    public record Nested(String path, String table, String alias, Map<String, Object> values,
                         Map<String, RowRef> binds) {

        public Nested(String path, String table, String alias) {
            this(path, table, alias, Map.of(), Map.of());
        }

        public Nested {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            binds = Map.copyOf(binds);
        }
    }

    /**
     * A deep-insert tree from a flat list, parents before children: {@code primarycontactid} puts a row under the
     * root, {@code opportunity_customer_accounts/Opportunity_Tasks} under the row inserted at
     * {@code opportunity_customer_accounts}.
     */
    public static NewRow tree(String table, String alias, List<Nested> rows) {
        return attach(of(table, alias), "", rows);
    }

    private static NewRow attach(NewRow parent, String prefix, List<Nested> rows) {
        NewRow result = parent;
        for (Nested row : rows) {
            String path = row.path();
            if (!path.startsWith(prefix) || path.substring(prefix.length()).contains("/")) {
                continue;
            }
            String navigation = path.substring(prefix.length());
            NewRow child = of(row.table(), row.alias());
            for (Map.Entry<String, Object> value : row.values().entrySet()) {
                child = child.with(value.getKey(), value.getValue());
            }
            for (Map.Entry<String, RowRef> bind : row.binds().entrySet()) {
                child = child.bind(bind.getKey(), bind.getValue());
            }
            result = result.insert(navigation, attach(child, path + "/", rows));
        }
        return result;
    }

    static Object typed(String text) {
        if (text == null || text.equals("null")) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d+")) {
            return Long.valueOf(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return new BigDecimal(text);
        }
        return text;
    }

    /** {@code nav@odata.bind}: one row for a single-valued property; call again to add to a collection-valued one. */
    public NewRow bind(String navigation, RowRef row) {
        Map<String, List<RowRef>> copy = new LinkedHashMap<>(binds);
        List<RowRef> rows = new ArrayList<>(copy.getOrDefault(navigation, List.of()));
        rows.add(row);
        copy.put(navigation, List.copyOf(rows));
        return new NewRow(table, alias, values, copy, inserts);
    }

    /** {@code nav@odata.bind: [ … ]}: several rows for a collection-valued navigation property. */
    public NewRow bindAll(String navigation, List<RowRef> rows) {
        NewRow result = this;
        for (RowRef row : rows) {
            result = result.bind(navigation, row);
        }
        return result;
    }

    /** Deep insert: a new related row; call again to add more to a collection-valued property. */
    public NewRow insert(String navigation, NewRow child) {
        Map<String, List<NewRow>> copy = new LinkedHashMap<>(inserts);
        List<NewRow> rows = new ArrayList<>(copy.getOrDefault(navigation, List.of()));
        rows.add(child);
        copy.put(navigation, List.copyOf(rows));
        return new NewRow(table, alias, values, binds, copy);
    }

    /**
     * An activity party created with the activity (deep insert into {@code <activity>_activity_parties}, D3):
     * {@code NewRow.of("email", "Offer").withParty(Party.of(Participation.TO, ann))}.
     */
    public NewRow withParty(Party party) {
        return insert(table + "_activity_parties", NewRow.of("activityparty", null)
                .with("participationtypemask", party.participation().mask())
                .bind("partyid_" + party.row().table(), party.row()));
    }

    /** Several parties at once. */
    public NewRow withParties(List<Party> parties) {
        NewRow result = this;
        for (Party party : parties) {
            result = result.withParty(party);
        }
        return result;
    }

    public String table() {
        return table;
    }

    public String alias() {
        return alias;
    }

    Map<String, Object> values() {
        return values;
    }

    Map<String, List<RowRef>> binds() {
        return binds;
    }

    Map<String, List<NewRow>> inserts() {
        return inserts;
    }
}

package dev.dataversebdd.dsl;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The rows a FetchXML query returned, each as its columns' text (numbers in plain notation, lookups as GUIDs; a
 * linked table's columns as {@code alias.column}). FetchXML sends no property for an empty column, so a column
 * missing here was empty.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class FetchXmlRows {

    private final FetchXmlQuery query;
    private final List<Map<String, String>> rows;
    private final int pages;

    FetchXmlRows(FetchXmlQuery query, List<Map<String, String>> rows, int pages) {
        this.query = query;
        this.rows = List.copyOf(rows);
        this.pages = pages;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    public FetchXmlRows hasRows(int count) {
        if (rows.size() != count) {
            throw query.fail(count + " rows", rows.size() + " rows: " + shown(), "check the rows of a FetchXML query");
        }
        return this;
    }

    /** Rows whose primary key is each of {@code expected} (the entity's own rows, not linked ones). */
    public FetchXmlRows contains(RowRef... expected) {
        for (RowRef row : expected) {
            if (!ids().contains(row.id())) {
                throw query.fail("a row for " + row.describe(), describeIds(), "check the rows of a FetchXML query");
            }
        }
        return this;
    }

    public FetchXmlRows doesNotContain(RowRef... unexpected) {
        for (RowRef row : unexpected) {
            if (ids().contains(row.id())) {
                throw query.fail("no row for " + row.describe(), describeIds(), "check the rows of a FetchXML query");
            }
        }
        return this;
    }

    /** A row holding every one of {@code columns} (column → text; GUIDs compared without regard to case). */
    public FetchXmlRows containsRow(Map<String, String> columns) {
        boolean found = rows.stream().anyMatch(row -> columns.entrySet().stream()
                .allMatch(e -> e.getValue().equalsIgnoreCase(row.getOrDefault(e.getKey(), "\u0000"))));
        if (!found) {
            throw query.fail("a row with " + columns, shown(), "check the rows of a FetchXML query");
        }
        return this;
    }

    /** The number of pages {@link FetchXmlQuery#pageThrough(int)} read. */
    public FetchXmlRows tookPages(int count) {
        if (pages != count) {
            throw query.fail(count + " pages", pages + " pages", "check the paging of a FetchXML query");
        }
        return this;
    }

    /** The first rows, enough to see what came back without flooding a CI log (the exchange shows the rest). */
    private String shown() {
        int limit = 5;
        return rows.size() <= limit ? rows.toString()
                : rows.subList(0, limit) + " and " + (rows.size() - limit) + " more";
    }

    private List<UUID> ids() {
        String key = query.table().primaryKey();
        return rows.stream().filter(r -> r.containsKey(key)).map(r -> UUID.fromString(r.get(key))).toList();
    }

    private String describeIds() {
        List<UUID> ids = ids();
        return ids.isEmpty() ? "no rows" : ids.stream().map(query::describe).toList().toString();
    }
}

package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * One property of a PATCH written as data (a Gherkin table row): bind a navigation property to a row, clear it, or
 * set a column to a value ({@code null} clears a column or unbinds a navigation property).
 *
 * <pre>{@code
 * dv.update(ann).apply(List.of(Change.bind("parentcustomerid_account", contoso), Change.set("jobtitle", "Buyer")))
 *   .send().isNoContent();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Change(String property, RowRef target, Object value) {

    /** {@code property@odata.bind} to {@code target}. */
    public static Change bind(String navigation, RowRef target) {
        return new Change(navigation, target, null);
    }

    /**
     * A value written as text (from a Gherkin table), typed as {@link NewRow#withText} types it: numbers, booleans,
     * {@code null}, else a string.
     */
    public static Change text(String property, String text) {
        return set(property, NewRow.typed(text));
    }

    /** A column value, or null: a column set to null, or a navigation property unbound with {@code nav: null}. */
    public static Change set(String property, Object value) {
        return new Change(property, null, value);
    }
}

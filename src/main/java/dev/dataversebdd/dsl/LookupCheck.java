package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.ClientSchema;
import java.util.UUID;
import org.apiguardian.api.API;

/** Checks on a single-valued navigation property. */
@API(status = API.Status.STABLE, since = "0.1")
public final class LookupCheck {
    private final ReadBack readBack;
    private final String navigation;
    private final ClientSchema.Navigation nav;
    private final UUID id;
    private final String logicalName;
    private final String formattedValue;

    LookupCheck(ReadBack readBack, String navigation, ClientSchema.Navigation nav, UUID id, String logicalName,
                String formattedValue) {
        this.readBack = readBack;
        this.navigation = navigation;
        this.nav = nav;
        this.id = id;
        this.logicalName = logicalName;
        this.formattedValue = formattedValue;
    }

    /**
     * The lookup holds {@code target}; for a multi-table lookup also checks, through the
     * {@code lookuplogicalname} annotation, that it points to this navigation property's table.
     */
    public LookupCheck pointsTo(RowRef target) {
        if (!target.id().equals(id)) {
            throw readBack.fail(nav.lookupProperty() + " = " + target.describe(), actual(), sentence());
        }
        if (logicalName != null && !logicalName.equals(nav.targetTable())) {
            throw readBack.fail(nav.lookupProperty() + " pointing to a " + nav.targetTable(), "a " + logicalName, sentence());
        }
        return this;
    }

    /**
     * Nothing through this navigation property: the lookup is null, or (multi-table lookups) it points to
     * another table's row, as {@code lookuplogicalname} tells.
     */
    public LookupCheck isEmpty() {
        boolean otherTable = logicalName != null && !logicalName.equals(nav.targetTable());
        if (id != null && !otherTable) {
            throw readBack.fail(nav.lookupProperty() + " = null", actual(), sentence());
        }
        return this;
    }

    /** The table the lookup points to, from {@code @Microsoft.Dynamics.CRM.lookuplogicalname}. */
    public LookupCheck pointsToTable(String table) {
        if (!table.equals(logicalName)) {
            throw readBack.fail(nav.lookupProperty() + " pointing to a " + table, logicalName == null ? "no lookuplogicalname"
                    : "a " + logicalName, sentence());
        }
        return this;
    }

    /**
     * The lookup's formatted value, the related row's primary name as users see it
     * ({@code @OData.Community.Display.V1.FormattedValue}, D6), e.g. the stored name of the account it points to.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public LookupCheck isShownAs(String text) {
        if (!text.equals(formattedValue)) {
            throw readBack.fail(nav.lookupProperty() + " shown as \"" + text + "\"", formattedValue == null
                    ? "no formatted value" : "shown as \"" + formattedValue + "\"", sentence());
        }
        return this;
    }

    private String actual() {
        return id == null ? "null" : readBack.describe(id) + (logicalName == null ? "" : " (" + logicalName + ")");
    }

    private String sentence() {
        return "check " + navigation + " of " + readBack.row().describe();
    }
}

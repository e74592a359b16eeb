package dev.dataversebdd.dsl;

import java.util.Map;

/**
 * Adds a row to a collection-valued navigation property: {@code POST {parent}/{nav}/$ref} with
 * {@code {"@odata.id": "<row URL>"}}. Works the same for 1:N and N:N relationships.
 *
 * <pre>{@code
 * dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 * }</pre>
 */
public final class Associate {

    private final DataverseSession session;
    private final RowRef row;

    Associate(DataverseSession session, RowRef row) {
        this.session = session;
        this.row = row;
    }

    /** The row that owns the collection-valued navigation property. */
    public Via to(RowRef parent) {
        return new Via(session, row, parent);
    }

    /** The last word of the sentence: which navigation property of the parent. */
    public static final class Via {
        private final DataverseSession session;
        private final RowRef row;
        private final RowRef parent;

        private Via(DataverseSession session, RowRef row, RowRef parent) {
            this.session = session;
            this.row = row;
            this.parent = parent;
        }

        public Outcome via(String collectionNavigation) {
            String body = "{\"@odata.id\":\"" + session.idReference(row) + "\"}";
            return session.call("associate", "associate " + row.describe() + " to " + parent.describe()
                            + " via " + collectionNavigation, "POST", parent.path() + "/" + collectionNavigation + "/$ref",
                    Map.of(), body, parent.table(), Outcome.EntityId.NONE);
        }
    }
}

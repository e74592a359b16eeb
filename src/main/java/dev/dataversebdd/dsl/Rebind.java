package dev.dataversebdd.dsl;

import java.util.Map;

/**
 * Changes a single-valued navigation property: {@code PUT {row}/{singleNav}/$ref} with
 * {@code {"@odata.id": "<target URL>"}}.
 *
 * <pre>{@code
 * dv.rebind(deal).via("customerid_account").to(fabrikam).isNoContent();
 * }</pre>
 */
public final class Rebind {

    private final DataverseSession session;
    private final RowRef row;

    Rebind(DataverseSession session, RowRef row) {
        this.session = session;
        this.row = row;
    }

    public To via(String singleNavigation) {
        return new To(session, row, singleNavigation);
    }

    /** The new target of the navigation property. */
    public static final class To {
        private final DataverseSession session;
        private final RowRef row;
        private final String navigation;

        private To(DataverseSession session, RowRef row, String navigation) {
            this.session = session;
            this.row = row;
            this.navigation = navigation;
        }

        public Outcome to(RowRef target) {
            String body = "{\"@odata.id\":\"" + session.idReference(target) + "\"}";
            return session.call("rebind", "set " + navigation + " of " + row.describe() + " to "
                            + target.describe(), "PUT", row.path() + "/" + navigation + "/$ref", Map.of(), body,
                    row.table(), Outcome.EntityId.NONE);
        }
    }
}

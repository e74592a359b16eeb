package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * Changes a single-valued navigation property: {@code PUT {row}/{singleNav}/$ref} with
 * {@code {"@odata.id": "<target URL>"}}.
 *
 * <pre>{@code
 * dv.rebind(deal).via("customerid_account").to(fabrikam).isNoContent();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Rebind {

    private final Sender sender;
    private final RowUrls urls;
    private final RowRef row;

    Rebind(Sender sender, RowUrls urls, RowRef row) {
        this.sender = sender;
        this.urls = urls;
        this.row = row;
    }

    public To via(String singleNavigation) {
        return new To(this, singleNavigation);
    }

    /** The new target of the navigation property. */
    public static final class To {
        private final Rebind rebind;
        private final String navigation;

        private To(Rebind rebind, String navigation) {
            this.rebind = rebind;
            this.navigation = navigation;
        }

        public Outcome to(RowRef target) {
            RowRef row = rebind.row;
            String body = "{\"@odata.id\":\"" + rebind.urls.id(target) + "\"}";
            return rebind.sender.send(Operation.of("rebind", "set " + navigation + " of " + row.describe() + " to "
                    + target.describe(), "PUT", row.path() + "/" + navigation + "/$ref", body, row.table()));
        }
    }
}

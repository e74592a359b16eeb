package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * Adds a row to a collection-valued navigation property: {@code POST {parent}/{nav}/$ref} with
 * {@code {"@odata.id": "<row URL>"}}. Works the same for 1:N and N:N relationships.
 *
 * <pre>{@code
 * dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Associate {

    private final Sender sender;
    private final RowUrls urls;
    private final RowRef row;

    Associate(Sender sender, RowUrls urls, RowRef row) {
        this.sender = sender;
        this.urls = urls;
        this.row = row;
    }

    /** The row that owns the collection-valued navigation property. */
    public Via to(RowRef parent) {
        return new Via(this, parent);
    }

    /** The last word of the sentence: which navigation property of the parent. */
    public static final class Via {
        private final Associate associate;
        private final RowRef parent;

        private Via(Associate associate, RowRef parent) {
            this.associate = associate;
            this.parent = parent;
        }

        public Outcome via(String collectionNavigation) {
            RowRef row = associate.row;
            String body = "{\"@odata.id\":\"" + associate.urls.id(row) + "\"}";
            return associate.sender.send(Operation.of("associate", "associate " + row.describe() + " to "
                    + parent.describe() + " via " + collectionNavigation, "POST", parent.path() + "/"
                    + collectionNavigation + "/$ref", body, parent.table()));
        }
    }
}

package dev.dataversebdd.dsl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * Removes a reference with DELETE, in the three forms Microsoft documents, chosen explicitly:
 * <ul>
 *   <li>{@code DELETE {parent}/{nav}/$ref?$id={row URL}}: {@code disassociate(row).from(parent).via(nav).byIdQuery()}</li>
 *   <li>{@code DELETE {parent}/{nav}({row id})/$ref}: {@code … .byKeySegment()}</li>
 *   <li>{@code DELETE {row}/{singleNav}/$ref}: {@code disassociate(row).via(singleNav)}</li>
 * </ul>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Disassociate {

    private final Sender sender;
    private final RowUrls urls;
    private final RowRef row;

    Disassociate(Sender sender, RowUrls urls, RowRef row) {
        this.sender = sender;
        this.urls = urls;
        this.row = row;
    }

    /** From the collection-valued navigation property of {@code parent}. */
    public From from(RowRef parent) {
        return new From(this, parent);
    }

    /** Clears the single-valued navigation property of the row: {@code DELETE {row}/{singleNav}/$ref}. */
    public Outcome via(String singleNavigation) {
        return sender.send(Operation.of("disassociate", "clear " + singleNavigation + " of " + row.describe(),
                "DELETE", row.path() + "/" + singleNavigation + "/$ref", null, row.table()));
    }

    /** Names the parent's navigation property. */
    public static final class From {
        private final Disassociate disassociate;
        private final RowRef parent;

        private From(Disassociate disassociate, RowRef parent) {
            this.disassociate = disassociate;
            this.parent = parent;
        }

        public Form via(String collectionNavigation) {
            return new Form(disassociate, parent, collectionNavigation);
        }
    }

    /** Which of the two documented URL forms names the row to remove. */
    public static final class Form {
        private final Disassociate disassociate;
        private final RowRef row;
        private final RowRef parent;
        private final String navigation;

        private Form(Disassociate disassociate, RowRef parent, String navigation) {
            this.disassociate = disassociate;
            this.row = disassociate.row;
            this.parent = parent;
            this.navigation = navigation;
        }

        /** {@code DELETE {parent}/{nav}/$ref?$id={row URL}}. */
        public Outcome byIdQuery() {
            return send(parent.path() + "/" + navigation + "/$ref?$id=" + disassociate.urls.id(row), "$id");
        }

        /** As {@link #byIdQuery()} with the {@code $id} value percent-encoded, as some clients send it. */
        public Outcome byEncodedIdQuery() {
            return send(parent.path() + "/" + navigation + "/$ref?$id="
                    + URLEncoder.encode(disassociate.urls.id(row), StandardCharsets.UTF_8), "percent-encoded $id");
        }

        /** {@code DELETE {parent}/{nav}({row id})/$ref}. */
        public Outcome byKeySegment() {
            return send(parent.path() + "/" + navigation + "(" + row.id() + ")/$ref", "key segment");
        }

        private Outcome send(String path, String form) {
            return disassociate.sender.send(Operation.of("disassociate", "disassociate " + row.describe() + " from "
                    + parent.describe() + " via " + navigation + " (" + form + ")", "DELETE", path, null, parent.table()));
        }

    }
}

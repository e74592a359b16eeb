package dev.dataversebdd.emulator.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Shares as {@code principalobjectaccess} rows: one per row and principal, its rights in {@code accessrightsmask}. */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Sharing {

    static final String TABLE = "principalobjectaccess";
    static final String OBJECT = "_objectid_value";
    static final String PRINCIPAL = "_principalid_value";
    static final String MASK = "accessrightsmask";

    private Sharing() {
    }

    /** The rights shared on {@code row} with {@code user} or a team of theirs, together. */
    static int sharedMask(Store store, Principal user, Row row) {
        int mask = 0;
        for (Row share : store.referencing(TABLE, OBJECT, row.ref())) {
            EntityRef principal = share.lookup(PRINCIPAL);
            if (principal != null && (principal.equals(user.ref()) || user.teams().contains(principal))) {
                mask |= maskOf(share);
            }
        }
        return mask;
    }

    /**
     * The shares that name {@code row}, as the row shared or as the user or team it is shared with: they go when the
     * row goes, as a share exists only between the two.
     */
    static List<Row> sharesNaming(Store store, EntityRef row) {
        List<Row> shares = new ArrayList<>(store.referencing(TABLE, OBJECT, row));
        shares.addAll(store.referencing(TABLE, PRINCIPAL, row));
        return shares;
    }

    /** The share of {@code row} with exactly {@code principal}, or null. */
    public static Row shareOf(Store store, Row row, EntityRef principal) {
        for (Row share : store.referencing(TABLE, OBJECT, row.ref())) {
            if (principal.equals(share.lookup(PRINCIPAL))) {
                return share;
            }
        }
        return null;
    }

    public static int maskOf(Row share) {
        JsonNode mask = share.attribute(MASK);
        return mask == null ? 0 : mask.asInt();
    }
}

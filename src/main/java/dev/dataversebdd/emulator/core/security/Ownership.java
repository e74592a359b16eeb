package dev.dataversebdd.emulator.core.security;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The owner columns of a user- or team-owned row (S2, S8): {@code ownerid} names the user or team,
 * {@code owninguser} or {@code owningteam} repeats it by kind, {@code owningbusinessunit} is the owner's business
 * unit; and who created or last changed the row, and on whose behalf.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Ownership {

    public static final String OWNER = "_ownerid_value";
    static final String OWNING_USER = "_owninguser_value";
    static final String OWNING_TEAM = "_owningteam_value";
    static final String OWNING_BU = "_owningbusinessunit_value";
    static final String BUSINESS_UNIT = "_businessunitid_value";
    private static final java.util.Set<String> JOIN_ROOT = java.util.Set.of("systemuser", "role", "team");

    private Ownership() {
    }

    /** Makes {@code owner} (a systemuser or team row) the owner of {@code row}, when its table has owners. */
    public static void assign(Store store, EntityType type, Row row, Row owner) {
        if (!type.hasProperty(OWNER)) {
            return;
        }
        boolean team = owner.logicalName().equals("team");
        store.setLookup(row, OWNER, owner.ref());
        setIfDeclared(store, type, row, OWNING_USER, team ? null : owner.ref());
        setIfDeclared(store, type, row, OWNING_TEAM, team ? owner.ref() : null);
        setIfDeclared(store, type, row, OWNING_BU, owner.lookup(BUSINESS_UNIT));
    }

    /**
     * A user created without {@code businessunitid} belongs to the root business unit, as in Dataverse (S4); so does
     * a role or team created without one (Dataverse requires it of them; the emulator takes the root unit [INF]).
     */
    public static void joinRootUnitIfNone(Store store, EntityType type, Row row, UUID rootUnit) {
        if (rootUnit != null && JOIN_ROOT.contains(type.logicalName()) && type.hasProperty(BUSINESS_UNIT)
                && row.lookup(BUSINESS_UNIT) == null && store.find("businessunit", rootUnit).isPresent()) {
            store.setLookup(row, BUSINESS_UNIT, new EntityRef("businessunit", rootUnit));
        }
    }

    /** {@code createdby}/{@code modifiedby} name the effective user, {@code …onbehalfby} the impersonator (S7). */
    public static void stamp(Store store, EntityType type, Row row, Guard guard, boolean created) {
        UUID user = guard.effectiveUserId();
        UUID caller = guard.callerUserId();
        if (user == null) {
            return;
        }
        EntityRef onBehalf = caller.equals(user) ? null : new EntityRef("systemuser", caller);
        if (created) {
            setIfDeclared(store, type, row, "_createdby_value", new EntityRef("systemuser", user));
            setIfDeclared(store, type, row, "_createdonbehalfby_value", onBehalf);
        }
        setIfDeclared(store, type, row, "_modifiedby_value", new EntityRef("systemuser", user));
        setIfDeclared(store, type, row, "_modifiedonbehalfby_value", onBehalf);
    }

    private static void setIfDeclared(Store store, EntityType type, Row row, String lookup, EntityRef target) {
        if (type.hasProperty(lookup) && (target != null || row.lookup(lookup) != null)) {
            store.setLookup(row, lookup, target);
        }
    }
}

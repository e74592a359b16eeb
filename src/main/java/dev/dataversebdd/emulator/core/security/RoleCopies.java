package dev.dataversebdd.emulator.core.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A role belongs to a business unit and Dataverse copies it into every unit beneath (S8, role table: "parentroleid",
 * "parentrootroleid"; Security roles: a role is inherited by child business units): each copy has the same name,
 * {@code parentroleid} the copy of the unit above, {@code parentrootroleid} the role itself, and the role's
 * privileges, which stay the root role's. A user or team may only hold a role of their own unit (0x80041409, S6; "a
 * team or user can only be assigned a role from its business unit"), so a unit's users get the unit's copy. A new
 * unit gets copies of its parent's roles; deleting a role deletes its copies; a copy itself cannot be deleted
 * (0x8004140C).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class RoleCopies {

    private static final String ROLE = "role";
    private static final String UNIT = "businessunit";
    private static final String PARENT_ROLE = "_parentroleid_value";
    private static final String ROOT_ROLE = "_parentrootroleid_value";
    private static final String PARENT_UNIT = "_parentbusinessunitid_value";

    private RoleCopies() {
    }

    /** After {@code row} was created: a role is copied into the units beneath its own, a unit gets its parent's roles. */
    public static void afterCreate(Store store, Row row) {
        if (row.logicalName().equals(ROLE) && row.lookup(ROOT_ROLE) == null && row.lookup(Ownership.BUSINESS_UNIT) != null) {
            Deque<Row> pending = new ArrayDeque<>(List.of(row));
            while (!pending.isEmpty()) {
                Row above = pending.pop();
                for (Row unit : store.referencing(UNIT, PARENT_UNIT, above.lookup(Ownership.BUSINESS_UNIT))) {
                    pending.push(copy(store, above, row, unit.ref()));
                }
            }
        } else if (row.logicalName().equals(UNIT) && row.lookup(PARENT_UNIT) != null) {
            for (Row role : store.referencing(ROLE, Ownership.BUSINESS_UNIT, row.lookup(PARENT_UNIT))) {
                Row root = rootOf(store, role);
                copy(store, role, root, row.ref());
            }
        }
    }

    /** The role whose privileges count for {@code role}: the root role of a copy, else the role itself. */
    public static Row rootOf(Store store, Row role) {
        EntityRef root = role.lookup(ROOT_ROLE);
        return root == null ? role : store.find(root).orElse(role);
    }

    static EntityRef rootOf(Store store, EntityRef role) {
        return store.find(role).map(row -> rootOf(store, row).ref()).orElse(role);
    }

    /** Refuses to delete a copy: only its root role can go, and takes its copies along. */
    public static void requireDeletable(Row row) {
        if (row.logicalName().equals(ROLE) && row.lookup(ROOT_ROLE) != null) {
            throw new DataverseException(400, "0x8004140C", "Cannot delete a role that is inherited from a parent "
                    + "business.");
        }
    }

    /**
     * Refuses to give {@code role} to a user or team of another business unit (classic business units, the
     * default; switch {@code security-modernized-bu=on} allows it).
     */
    public static void requireSameUnit(Store store, Row principal, Row role) {
        EntityRef principalUnit = principal.lookup(Ownership.BUSINESS_UNIT);
        EntityRef roleUnit = role.lookup(Ownership.BUSINESS_UNIT);
        if (principalUnit != null && roleUnit != null && !principalUnit.equals(roleUnit)) {
            throw new DataverseException(400, "0x80041409", "Cannot associate security role because the security "
                    + "role's Business Unit is not the same as the user's Business Unit. Role Id = " + role.id()
                    + ", " + principal.logicalName() + " Id = " + principal.id() + ".");
        }
    }

    /** The copy of {@code role} that {@code unit} holds (the role itself when it is the unit's), or the role. */
    public static EntityRef inUnit(Store store, EntityRef role, EntityRef unit) {
        Row row = store.find(role).orElse(null);
        if (row == null || unit == null || unit.equals(row.lookup(Ownership.BUSINESS_UNIT))) {
            return role;
        }
        Row root = rootOf(store, row);
        if (unit.equals(root.lookup(Ownership.BUSINESS_UNIT))) {
            return root.ref();
        }
        return store.referencing(ROLE, ROOT_ROLE, root.ref()).stream()
                .filter(copy -> unit.equals(copy.lookup(Ownership.BUSINESS_UNIT))).map(Row::ref).findFirst().orElse(role);
    }

    private static Row copy(Store store, Row parent, Row root, EntityRef unit) {
        ObjectNode columns = root.attributes().deepCopy();
        columns.remove(List.of("versionnumber"));
        Row copy = store.insert(ROLE, UUID.randomUUID(), columns);
        store.setLookup(copy, Ownership.BUSINESS_UNIT, unit);
        store.setLookup(copy, PARENT_ROLE, parent.ref());
        store.setLookup(copy, ROOT_ROLE, root.ref());
        return copy;
    }
}

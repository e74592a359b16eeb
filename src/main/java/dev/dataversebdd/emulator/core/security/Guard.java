package dev.dataversebdd.emulator.core.security;

import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.security.PrivilegeCatalogue.Privilege;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The two-phase check of one request (S1): first the privilege (does any role of the user, or of a team of theirs,
 * hold it at any depth: else 403 {@code 0x80040220}), then access to the row by depth, ownership and shares (else
 * 403 {@code 0x80048306}). A share never rescues a failed privilege check. While impersonating, the privilege must be
 * held by both users (S7) and the row's access is the impersonated user's. A System Administrator passes at once.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Guard {

    private static final Guard UNCHECKED = new Guard(null, null, null, null, null, null);

    private final Principal effective;
    private final Principal caller;
    private final PrivilegeCatalogue catalogue;
    private final Store store;
    private final Schema schema;
    private final BehaviourProfile profile;
    private final boolean everything;
    private final Set<UUID> created = new HashSet<>();

    Guard(Principal effective, Principal caller, PrivilegeCatalogue catalogue, Store store, Schema schema,
          BehaviourProfile profile) {
        this.effective = effective;
        this.caller = caller;
        this.catalogue = catalogue;
        this.store = store;
        this.schema = schema;
        this.profile = profile;
        this.everything = effective == null || effective.isSystemAdministrator()
                && (caller == effective || caller.isSystemAdministrator()
                || profile.is(Behaviour.SECURITY_IMPERSONATION_PRIVILEGES, "impersonated-only"));
    }

    /** No checks and no identity: for requests served outside the Web API's routing. */
    public static Guard unchecked() {
        return UNCHECKED;
    }

    /** True when every check passes without looking (the System Administrator's path). */
    public boolean passesEverything() {
        return everything;
    }

    /** The user the request acts as (the impersonated one when impersonating), or null without identity. */
    public UUID effectiveUserId() {
        return effective == null ? null : effective.id();
    }

    /** The user who sent the request (the impersonator when impersonating). */
    public UUID callerUserId() {
        return caller == null ? null : caller.id();
    }

    public UUID effectiveBusinessUnit() {
        return effective == null ? null : effective.businessUnit();
    }

    /** The effective user's row, the default owner of what they create. */
    public Row effectiveUser() {
        return effective == null ? null : store.find("systemuser", effective.id()).orElse(null);
    }

    /** Marks a row this request created: its later links need no Write on it. */
    public void created(Row row) {
        if (!everything) {
            created.add(row.id());
        }
    }

    public boolean isNew(Row row) {
        return created.contains(row.id());
    }

    /** Phase 1 only: the privilege for {@code right} on {@code table} (for creating and listing). */
    public void requirePrivilege(Right right, String table) {
        if (everything) {
            return;
        }
        catalogue.of(table, right).ifPresent(this::requireHeld);
    }

    /** Both phases for {@code right} on {@code row}. */
    public void require(Right right, Row row) {
        if (everything) {
            return;
        }
        var privilege = catalogue.of(row.logicalName(), right);
        if (privilege.isEmpty()) {
            return;
        }
        requireHeld(privilege.get());
        if (!reaches(effective, privilege.get(), row)) {
            if (right == Right.READ && profile.is(Behaviour.SECURITY_RETRIEVE_INACCESSIBLE, "404")) {
                throw Errors.rowNotFound(row.logicalName(), row.id());
            }
            throw Errors.accessDenied(effective.id(), right.accessName(), row.id(),
                    PrivilegeCatalogue.displayName(row.logicalName()));
        }
    }

    /**
     * The privilege a list of {@code table} needs: false when the list is to be empty instead
     * ({@code security-list-no-privilege=empty}); throws the 403 when it is to be refused.
     */
    public boolean mayList(String table) {
        if (everything) {
            return true;
        }
        var privilege = catalogue.of(table, Right.READ);
        if (privilege.isEmpty() || holds(privilege.get())) {
            return true;
        }
        if (profile.is(Behaviour.SECURITY_LIST_NO_PRIVILEGE, "empty")) {
            return false;
        }
        requireHeld(privilege.get());
        return true;
    }

    /** Phase 2 only, without error: whether a list shows {@code row} (its privilege was checked once). */
    public boolean canRead(Row row) {
        if (everything) {
            return true;
        }
        var privilege = catalogue.of(row.logicalName(), Right.READ);
        return privilege.isEmpty() || reaches(effective, privilege.get(), row);
    }

    /** Both phases for Read, without error: whether an expanded row is shown (security.md, "$expand"). */
    public boolean mayRead(Row row) {
        if (everything) {
            return true;
        }
        var privilege = catalogue.of(row.logicalName(), Right.READ);
        if (privilege.isEmpty()) {
            return true;
        }
        return holds(privilege.get()) && reaches(effective, privilege.get(), row);
    }

    /** Phase 1 without error: the user (and, per {@code security-impersonation-privileges}, the caller) holds it. */
    private boolean holds(Privilege privilege) {
        return !effective.grants(privilege.id(), false).isEmpty() && (caller == effective
                || !profile.is(Behaviour.SECURITY_IMPERSONATION_PRIVILEGES, "intersection")
                || !caller.grants(privilege.id(), false).isEmpty());
    }

    /** Whether {@code user} holds the privilege and reaches the row: RetrievePrincipalAccess, without errors. */
    public boolean allows(Principal user, Right right, Row row) {
        var privilege = catalogue.of(row.logicalName(), right);
        return privilege.isEmpty() || user.depth(privilege.get().id()) != null && reaches(user, privilege.get(), row);
    }

    private void requireHeld(Privilege privilege) {
        requireHeldBy(effective, privilege, false);
        if (caller != effective && profile.is(Behaviour.SECURITY_IMPERSONATION_PRIVILEGES, "intersection")) {
            requireHeldBy(caller, privilege, false);
        }
    }

    private void requireHeldBy(Principal user, Privilege privilege, boolean directOnly) {
        if (user.grants(privilege.id(), directOnly).isEmpty()) {
            throw privilegeDenied(user, privilege);
        }
    }

    private RuntimeException privilegeDenied(Principal user, Privilege privilege) {
        String table = privilege.table() == null ? "none" : privilege.table();
        String principal = "Principal user (Id=" + user.id() + ", type=8, roleCount=" + user.roleCount()
                + ", privilegeCount=" + user.privilegeCount() + ", accessMode='0 Read-Write', AADObjectId='"
                + user.aadObjectId() + "', MetadataCachePrivilegesCount=" + catalogue.size() + ", businessUnitId="
                + user.businessUnit() + ")";
        return Errors.privilegeDenied(principal, privilege.name(), privilege.id(), catalogue.typeCode(table), table,
                PrivilegeCatalogue.displayName(table), caller.id());
    }

    /** Ownership, then depth from each grant's business unit, then shares (S1, S2). */
    private boolean reaches(Principal user, Privilege privilege, Row row) {
        if (!privilege.userOwned()) {
            return true; // organization- and business-owned tables: the privilege decides (see security.md)
        }
        EntityRef owner = row.lookup(Ownership.OWNER);
        if (user.owns(owner)) {
            return true;
        }
        EntityRef unit = row.lookup(Ownership.OWNING_BU);
        for (Principal.Grant grant : user.grants(privilege.id(), false)) {
            switch (grant.depth()) {
                case GLOBAL -> {
                    return true;
                }
                case DEEP -> {
                    if (unit != null && descends(unit.id(), grant.businessUnit())) {
                        return true;
                    }
                }
                case LOCAL -> {
                    if (unit != null && unit.id().equals(grant.businessUnit())) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return shared(user, privilege.right(), row);
    }

    private boolean descends(UUID unit, UUID ancestor) {
        Set<UUID> seen = new HashSet<>();
        for (UUID cursor = unit; cursor != null && seen.add(cursor);
             cursor = store.find("businessunit", cursor).map(b -> b.lookup("_parentbusinessunitid_value"))
                     .map(EntityRef::id).orElse(null)) {
            if (cursor.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private boolean shared(Principal user, Right right, Row row) {
        return (Sharing.sharedMask(store, user, row) & right.mask()) != 0;
    }

    /** The type of {@code row} in the schema. */
    EntityType typeOf(Row row) {
        return schema.type(row.logicalName());
    }

    Principal effective() {
        return effective;
    }

    Principal caller() {
        return caller;
    }
}

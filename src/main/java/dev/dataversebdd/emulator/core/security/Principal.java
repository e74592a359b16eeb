package dev.dataversebdd.emulator.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A user as the checks see them, read from the store for one request: their business unit, their teams, and what
 * each of their roles grants (S5): directly assigned roles at the role's depth from the user's business unit; a
 * team's roles at their depth from the team's business unit (a Basic one reaches the rows the user or their teams
 * own, as the {@code isinherited} default has it, S4).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Principal {

    static final String USER_ROLES = "systemuserroles_association";
    static final String TEAM_ROLES = "teamroles_association";
    static final String MEMBERSHIP = "teammembership_association";
    static final String SYSADMIN_TEMPLATE = "627090ff-40a3-4053-8790-584edc5be201";

    /** One way a user holds a privilege: at {@code depth}, measured from {@code businessUnit}. */
    record Grant(Depth depth, UUID businessUnit, boolean direct) {
    }

    private final Row user;
    private final UUID businessUnit;
    private final Set<EntityRef> teams = new LinkedHashSet<>();
    private final Map<UUID, List<Grant>> grants = new HashMap<>();
    private final boolean systemAdministrator;
    private final int roleCount;

    private Principal(Row user, Store store) {
        this.user = user;
        EntityRef bu = user.lookup(Ownership.BUSINESS_UNIT);
        this.businessUnit = bu == null ? null : bu.id();
        boolean admin = false;
        int roles = 0;
        for (EntityRef role : store.pairedWith(USER_ROLES, user.ref())) {
            roles++;
            admin |= isSystemAdministrator(store, role);
            addGrants(store, role, businessUnit, true);
        }
        for (EntityRef team : store.pairedWith(MEMBERSHIP, user.ref())) {
            teams.add(team);
            UUID teamUnit = store.find(team).map(t -> t.lookup(Ownership.BUSINESS_UNIT)).map(EntityRef::id).orElse(null);
            for (EntityRef role : store.pairedWith(TEAM_ROLES, team)) {
                roles++;
                addGrants(store, role, teamUnit, false);
            }
        }
        this.systemAdministrator = admin;
        this.roleCount = roles;
    }

    /** The user with {@code id}, or null when there is no such systemuser. */
    static Principal load(Store store, UUID id) {
        return store.find("systemuser", id).map(row -> new Principal(row, store)).orElse(null);
    }

    private static boolean isSystemAdministrator(Store store, EntityRef role) {
        return store.find(role).map(r -> r.attribute("roletemplateid")).filter(JsonNode::isTextual)
                .map(t -> t.asText().equalsIgnoreCase(SYSADMIN_TEMPLATE)).orElse(false);
    }

    private void addGrants(Store store, EntityRef role, UUID unit, boolean direct) {
        for (Row link : store.referencing("roleprivileges", "_roleid_value", RoleCopies.rootOf(store, role))) {
            EntityRef privilege = link.lookup("_privilegeid_value");
            Depth depth = Depth.ofMask(link.attribute("privilegedepthmask") == null ? 0
                    : link.attribute("privilegedepthmask").asInt());
            if (privilege == null || depth == null) {
                continue;
            }
            // a team role reaches from the team's unit; at Basic, rows the user or their teams own (see Guard)
            grants.computeIfAbsent(privilege.id(), k -> new ArrayList<>(2)).add(new Grant(depth, unit, direct));
        }
    }

    public UUID id() {
        return user.id();
    }

    public EntityRef ref() {
        return user.ref();
    }

    public UUID businessUnit() {
        return businessUnit;
    }

    public Set<EntityRef> teams() {
        return teams;
    }

    public boolean isSystemAdministrator() {
        return systemAdministrator;
    }

    public String aadObjectId() {
        JsonNode aad = user.attribute("azureactivedirectoryobjectid");
        return aad == null || aad.isNull() ? "00000000-0000-0000-0000-000000000000" : aad.asText();
    }

    int roleCount() {
        return roleCount;
    }

    int privilegeCount() {
        return grants.size();
    }

    /** How this user holds {@code privilege}; {@code directOnly} leaves out what comes through teams (S7). */
    List<Grant> grants(UUID privilege, boolean directOnly) {
        if (systemAdministrator) {
            return List.of(new Grant(Depth.GLOBAL, businessUnit, true));
        }
        List<Grant> all = grants.getOrDefault(privilege, List.of());
        return directOnly ? all.stream().filter(Grant::direct).toList() : all;
    }

    /** The deepest depth at which the user holds {@code privilege}, or null. */
    public Depth depth(UUID privilege) {
        Depth best = null;
        for (Grant grant : grants(privilege, false)) {
            if (best == null || grant.depth().compareTo(best) > 0) {
                best = grant.depth();
            }
        }
        return best;
    }

    boolean owns(EntityRef owner) {
        return owner != null && (owner.equals(user.ref()) || teams.contains(owner));
    }
}

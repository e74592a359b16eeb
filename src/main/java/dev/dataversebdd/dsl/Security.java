package dev.dataversebdd.dsl;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Dataverse's security model in the session's words: business units, roles and their privileges, users and teams,
 * owners and shares. What it creates are rows of the session like any (aliases per table: {@code businessunit "Sales"},
 * {@code role "Salesperson"}, {@code systemuser "Dana"}), made with Web API requests. On a live org business units
 * and users are the org's own, named in {@code dataverse.existing-rows} (else {@link ExistingRowNeeded}) and checked
 * to be what the scenario says (a unit under its parent; a user in the unit, holding no role of their own); roles
 * and teams are created by the run, given to those users and deleted at cleanup like any row of the run.
 *
 * <pre>{@code
 * Security security = dv.security();
 * RowRef sales = security.businessUnit("Sales").under(security.rootBusinessUnit());
 * RowRef seller = security.role("Salesperson").in(sales).grants(Privilege.of("prvReadAccount", Depth.LOCAL));
 * RowRef dana = security.user("Dana").in(sales).withRoles(seller);
 * security.grantAccess(contoso).to(dana).rights(AccessRight.READ).isNoContent();
 * dv.as(dana).associate(deal).to(contoso).via("opportunity_customer_accounts").isRefusedForLackOf("prvAppendToAccount");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Security {

    private final DataverseSession session;
    private final Conversation conversation;
    private final Rows rows;
    private final PrivilegeNames privileges;
    private final LivePrincipals live;

    Security(DataverseSession session, Conversation conversation, Rows rows, PrivilegeNames privileges) {
        this.session = session;
        this.conversation = conversation;
        this.rows = rows;
        this.privileges = privileges;
        this.live = new LivePrincipals(session, conversation);
    }

    /** The org's root business unit (the one without a parent). */
    public RowRef rootBusinessUnit() {
        var json = conversation.read("read the root business unit", "businessunits?$select=businessunitid,name"
                + "&$filter=_parentbusinessunitid_value%20eq%20null", Map.of(), "businessunit");
        var unit = json.path("value").path(0);
        return rows.name(unit.path("name").asText("root"), "businessunit",
                UUID.fromString(unit.path("businessunitid").asText()));
    }

    /** {@code businessUnit("Sales").under(root)}: a business unit beneath another. */
    public Under businessUnit(String alias) {
        return parent -> conversation.safety().guardsWrites() ? live.businessUnit(alias, parent)
                : session.provide(NewRow.of("businessunit", alias).bind("parentbusinessunitid", parent));
    }

    /** {@code role("Salesperson").in(sales).grants(privileges…)}: a role of a business unit with its privileges. */
    public In<Grants> role(String alias) {
        return unit -> grants -> {
            RowRef role = session.provide(NewRow.of("role", alias).bind("businessunitid", unit));
            if (grants.length > 0) {
                addPrivileges(role, grants).isNoContent();
            }
            return role;
        };
    }

    /**
     * {@code POST roles({id})/Microsoft.Dynamics.CRM.AddPrivilegesRole}: adds the privileges at their depths (a
     * privilege the role has takes the new depth). A misspelt privilege name fails before anything is sent.
     */
    public Outcome addPrivileges(RowRef role, Privilege... grants) {
        StringBuilder body = new StringBuilder("{\"Privileges\":[");
        for (int i = 0; i < grants.length; i++) {
            Map.Entry<String, UUID> known = privileges.require(conversation, grants[i].name());
            body.append(i == 0 ? "" : ",").append("{\"PrivilegeId\":\"").append(known.getValue()).append("\",\"Depth\":\"")
                    .append(grants[i].depth().webApiName()).append("\"}");
        }
        body.append("]}");
        String what = String.join(", ", List.of(grants).stream().map(Privilege::describe).toList());
        return conversation.send(Operation.of("AddPrivilegesRole", "add " + what + " to " + role.describe(), "POST",
                role.path() + "/Microsoft.Dynamics.CRM.AddPrivilegesRole", body.toString(), role.table()));
    }

    /** {@code user("Dana").in(sales).withRoles(seller)}: a user of a business unit holding these roles. */
    public In<WithRoles> user(String alias) {
        return unit -> roles -> withRoles(conversation.safety().guardsWrites() ? live.user(alias, unit)
                : session.provide(NewRow.of("systemuser", alias).with("azureactivedirectoryobjectid",
                UUID.randomUUID().toString()).bind("businessunitid", unit)), unit, "systemuserroles_association", roles);
    }

    /** {@code team("Key accounts").in(sales).withRoles(seller)}: an owner team of a business unit holding these roles. */
    public In<WithRoles> team(String alias) {
        return unit -> roles -> withRoles(session.provide(NewRow.of("team", alias).bind("businessunitid", unit)),
                unit, "teamroles_association", roles);
    }

    /**
     * Gives each role to the user or team of {@code unit}: a role of another unit as the copy Dataverse keeps of it
     * in {@code unit}, since a user or team may hold only roles of their own unit.
     */
    private RowRef withRoles(RowRef principal, RowRef unit, String navigation, RowRef... roles) {
        for (RowRef role : roles) {
            session.associate(copyIn(role, unit)).to(principal).via(navigation).isNoContent();
        }
        return principal;
    }

    /** {@code role}, or its copy in {@code unit} when the role belongs to another unit and has one there. */
    private RowRef copyIn(RowRef role, RowRef unit) {
        var json = conversation.read("read the business unit of " + role.describe(), role.path()
                + "?$select=_businessunitid_value,_parentrootroleid_value", Map.of(), role.table());
        if (json.path("_businessunitid_value").asText("").equalsIgnoreCase(unit.id().toString())) {
            return role;
        }
        String root = json.path("_parentrootroleid_value").asText(role.id().toString());
        var copies = conversation.read("find the copy of " + role.describe() + " in " + unit.describe(), "roles?$select="
                + "roleid&$filter=_parentrootroleid_value%20eq%20" + (root.isEmpty() ? role.id() : root)
                + "%20and%20_businessunitid_value%20eq%20" + unit.id(), Map.of(), role.table()).path("value");
        return copies.isEmpty() ? role : new RowRef(role.alias(), role.table(), role.entitySet(),
                UUID.fromString(copies.get(0).path("roleid").asText()));
    }

    /** {@code owner(contoso).is(dana)}: assigns the row, {@code PATCH} with {@code ownerid@odata.bind}. */
    public Owner owner(RowRef row) {
        return principal -> session.update(row).bind("ownerid", principal).send();
    }

    /** {@code POST GrantAccess}: shares the row with a user or team for these rights (added to an existing share). */
    public Access grantAccess(RowRef row) {
        return principal -> rights -> share("GrantAccess", "share " + row.describe() + " with " + principal.describe()
                + " for " + words(rights), row, principal, rights);
    }

    /** {@code POST ModifyAccess}: the share of the row with a user or team carries these rights from now on. */
    public Access modifyAccess(RowRef row) {
        return principal -> rights -> share("ModifyAccess", "change the share of " + row.describe() + " with "
                + principal.describe() + " to " + words(rights), row, principal, rights);
    }

    /** {@code POST RevokeAccess}: the row is no longer shared with the user or team. */
    public Revoke revokeAccess(RowRef row) {
        return principal -> conversation.send(Operation.of("RevokeAccess", "revoke the share of " + row.describe()
                + " with " + principal.describe(), "POST", "RevokeAccess", "{\"Target\":" + entity(row) + ",\"Revokee\":"
                + entity(principal) + "}", row.table()));
    }

    private Outcome share(String action, String sentence, RowRef row, RowRef principal, AccessRight... rights) {
        String mask = AccessRight.mask(EnumSet.copyOf(List.of(rights)));
        return conversation.send(Operation.of(action, sentence, "POST", action, "{\"Target\":" + entity(row)
                + ",\"PrincipalAccess\":{\"AccessMask\":\"" + mask + "\",\"Principal\":" + entity(principal) + "}}",
                row.table()));
    }

    /** An entity parameter as Microsoft's samples write it: its key and {@code @odata.type}. */
    private String entity(RowRef row) {
        return "{\"" + rows.table(row.table()).primaryKey() + "\":\"" + row.id() + "\",\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM." + row.table() + "\"}";
    }

    private static String words(AccessRight... rights) {
        return String.join(", ", List.of(rights).stream().map(AccessRight::word).toList());
    }

    /** The business unit a new business unit goes under. */
    @FunctionalInterface
    public interface Under {
        RowRef under(RowRef parent);
    }

    /** The business unit a new role, user or team belongs to. */
    @FunctionalInterface
    public interface In<T> {
        T in(RowRef businessUnit);
    }

    /** The privileges a new role grants (none is allowed). */
    @FunctionalInterface
    public interface Grants {
        RowRef grants(Privilege... privileges);
    }

    /** The roles a new user or team holds (none is allowed). */
    @FunctionalInterface
    public interface WithRoles {
        RowRef withRoles(RowRef... roles);
    }

    /** The new owner: a user or a team. */
    @FunctionalInterface
    public interface Owner {
        Outcome is(RowRef userOrTeam);
    }

    /** Who the row is shared with, then for which rights. */
    @FunctionalInterface
    public interface Access {
        Rights to(RowRef userOrTeam);
    }

    /** The rights of a share. */
    @FunctionalInterface
    public interface Rights {
        Outcome rights(AccessRight... rights);
    }

    /** Whose share ends. */
    @FunctionalInterface
    public interface Revoke {
        Outcome from(RowRef userOrTeam);
    }
}

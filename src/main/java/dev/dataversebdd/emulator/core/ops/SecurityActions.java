package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.security.Depth;
import dev.dataversebdd.emulator.core.security.Principal;
import dev.dataversebdd.emulator.core.security.PrivilegeCatalogue;
import dev.dataversebdd.emulator.core.security.PrivilegeCatalogue.Privilege;
import dev.dataversebdd.emulator.core.security.Right;
import dev.dataversebdd.emulator.core.security.RoleCopies;
import dev.dataversebdd.emulator.core.security.Security;
import dev.dataversebdd.emulator.core.security.Sharing;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The security messages a test sets an org up and inspects it with (S10, S11): {@code AddPrivilegesRole} bound to a
 * role; {@code GrantAccess}, {@code ModifyAccess}, {@code RevokeAccess} (204, Share on the row); and the functions
 * bound to a systemuser, {@code RetrievePrincipalAccess} and {@code RetrieveUserPrivileges}.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SecurityActions {

    static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
    static final Set<String> UNBOUND = Set.of("GrantAccess", "ModifyAccess", "RevokeAccess");

    private final RowLocator rows;
    private final Security security;
    private final Store store;

    SecurityActions(RowLocator rows, Security security) {
        this.rows = rows;
        this.security = security;
        this.store = rows.store();
    }

    /** {@code POST GrantAccess}, {@code ModifyAccess} or {@code RevokeAccess}. */
    EmulatorResponse unbound(String action, RequestContext context) {
        ObjectNode body = Json.parseObject(context.request().body());
        Row target = entity(body.get("Target"), "Target", context);
        context.guard().require(Right.SHARE, target);
        if (action.equals("RevokeAccess")) {
            Row principal = entity(body.get("Revokee"), "Revokee", context);
            Row share = Sharing.shareOf(store, target, principal.ref());
            if (share != null) {
                store.delete(share, List.of());
            }
            return Responses.noContent();
        }
        JsonNode access = body.get("PrincipalAccess");
        if (access == null || !access.isObject()) {
            throw Errors.invalidArgument("'PrincipalAccess' with 'AccessMask' and 'Principal' is required.");
        }
        Row principal = entity(access.get("Principal"), "Principal", context);
        int mask;
        try {
            mask = Right.parseNames(access.path("AccessMask").asText(""));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("Invalid AccessMask: " + e.getMessage() + ".");
        }
        Row share = Sharing.shareOf(store, target, principal.ref());
        if (share == null) {
            ObjectNode columns = Json.object().put("accessrightsmask", mask)
                    .put("objecttypecode", target.logicalName()).put("principaltypecode", principal.logicalName());
            share = store.insert("principalobjectaccess", UUID.randomUUID(), columns);
            store.setLookup(share, "_objectid_value", target.ref());
            store.setLookup(share, "_principalid_value", principal.ref());
        } else {
            int merged = action.equals("GrantAccess") ? Sharing.maskOf(share) | mask : mask;
            store.setAttribute(share, "accessrightsmask", Json.object().numberNode(merged));
        }
        return Responses.noContent();
    }

    /** {@code POST roles({id})/Microsoft.Dynamics.CRM.AddPrivilegesRole}: adds (or re-deepens) each privilege. */
    EmulatorResponse addPrivileges(Row written, RequestContext context) {
        context.guard().require(Right.WRITE, written);
        Row role = RoleCopies.rootOf(store, written); // a copy's privileges are its root role's [INF]
        JsonNode list = Json.parseObject(context.request().body()).get("Privileges");
        if (list == null || !list.isArray()) {
            throw Errors.invalidArgument("'Privileges' must be a collection of Microsoft.Dynamics.CRM.RolePrivilege.");
        }
        PrivilegeCatalogue catalogue = security.catalogue();
        for (JsonNode item : list) {
            Privilege privilege = privilegeOf(item, catalogue);
            Depth depth = Depth.parse(item.path("Depth").asText(""));
            if (depth == null) {
                throw Errors.invalidArgument("Invalid Depth '" + item.path("Depth").asText("") + "': expected Basic, "
                        + "Local, Deep, Global or 0 to 3.");
            }
            if (depth != Depth.GLOBAL && !privilege.userOwned()) {
                throw new DataverseException(403, "0x800404BB", "Invalid privilege depth "
                        + depth.displayName() + " for " + privilege.name() + ": an organization-owned table's privileges "
                        + "are Global only.");
            }
            EntityRef privilegeRef = new EntityRef("privilege", privilege.id());
            Row link = null;
            for (Row existing : store.referencing("roleprivileges", "_roleid_value", role.ref())) {
                if (privilegeRef.equals(existing.lookup("_privilegeid_value"))) {
                    link = existing;
                }
            }
            if (link == null) {
                link = store.insert("roleprivileges", UUID.randomUUID(), Json.object().put("privilegedepthmask", depth.mask()));
                store.setLookup(link, "_roleid_value", role.ref());
                store.setLookup(link, "_privilegeid_value", privilegeRef);
                store.addPair("roleprivileges_association", role.ref(), privilegeRef);
            } else {
                store.setAttribute(link, "privilegedepthmask", Json.object().numberNode(depth.mask()));
            }
        }
        return Responses.noContent();
    }

    private static Privilege privilegeOf(JsonNode item, PrivilegeCatalogue catalogue) {
        String id = item.path("PrivilegeId").asText("");
        String name = item.path("PrivilegeName").asText("");
        try {
            if (!id.isEmpty()) {
                return catalogue.byId(UUID.fromString(id)).orElseThrow(() -> Errors.rowNotFound("privilege", UUID.fromString(id)));
            }
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("PrivilegeId '" + id + "' is not a GUID.");
        }
        return catalogue.byName(name).orElseThrow(() -> Errors.invalidArgument("There is no privilege '" + name + "'."));
    }

    /** {@code GET systemusers({id})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges}. */
    EmulatorResponse userPrivileges(Row user, RequestContext context) {
        Principal principal = security.principal(store, user.id());
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse");
        ArrayNode list = body.putArray("RolePrivileges");
        for (Privilege privilege : security.catalogue().all()) {
            Depth depth = principal.depth(privilege.id());
            if (depth != null) {
                list.addObject().put("Depth", depth.displayName()).put("PrivilegeId", privilege.id().toString())
                        .put("BusinessUnitId", String.valueOf(principal.businessUnit()))
                        .put("PrivilegeName", privilege.name());
            }
        }
        return Responses.json(200, body);
    }

    /** {@code GET systemusers({id})/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@tid)?@tid={'@odata.id':…}}. */
    EmulatorResponse principalAccess(Row user, RequestContext context) {
        String alias = context.request().rawQuery() == null ? "" : context.request().rawQuery();
        String raw = URLDecoder.decode(alias, StandardCharsets.UTF_8);
        int at = raw.indexOf("'@odata.id':'");
        if (at < 0) {
            throw Errors.invalidArgument("RetrievePrincipalAccess needs Target=@tid and @tid={'@odata.id':'<set>(<id>)'}.");
        }
        String reference = raw.substring(at + "'@odata.id':'".length(), raw.indexOf('\'', at + "'@odata.id':'".length()));
        Row target = rows.resolve(reference, false, context.profile());
        Principal principal = security.principal(store, user.id());
        int mask = 0;
        for (Right right : Right.values()) {
            if (context.guard().allows(principal, right, target)) {
                mask |= right.mask();
            }
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#Microsoft.Dynamics.CRM.RetrievePrincipalAccessResponse");
        body.put("AccessRights", Right.names(mask));
        return Responses.json(200, body);
    }

    private Row entity(JsonNode reference, String parameter, RequestContext context) {
        if (reference == null || !reference.isObject()) {
            throw Errors.invalidArgument("'" + parameter + "' must be an entity: {\"<key>\":\"<id>\",\"@odata.type\":"
                    + "\"Microsoft.Dynamics.CRM.<table>\"}.");
        }
        JsonNode odataId = reference.get("@odata.id");
        if (odataId != null && odataId.isTextual()) {
            return rows.resolve(odataId.asText(), false, context.profile());
        }
        String type = reference.path("@odata.type").asText("").replace("#", "").replace(NAMESPACE, "");
        var entity = rows.schema().byLogicalName(type)
                .orElseThrow(() -> Errors.invalidArgument("'" + parameter + "' has no known @odata.type ('" + type + "')."));
        String key = reference.path(entity.primaryKey()).asText("");
        try {
            return store.find(type, UUID.fromString(key)).orElseThrow(() -> Errors.rowNotFound(type, UUID.fromString(key)));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidArgument("'" + parameter + "' needs its key '" + entity.primaryKey() + "' as a GUID.");
        }
    }
}

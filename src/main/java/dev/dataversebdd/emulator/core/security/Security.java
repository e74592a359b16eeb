package dev.dataversebdd.emulator.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The org's security for one emulator: the privilege catalogue of its schema, what a fresh store holds (the root
 * business unit, the default caller with the System Administrator role, every privilege), and who a request comes
 * from: the bearer token's user, then the impersonation headers (S7).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Security {

    public static final UUID SYSTEM_ADMINISTRATOR_ROLE = UUID.fromString("00000000-0000-4000-8000-0000000e0001");
    public static final String CALLER_ID = "MSCRMCallerID";
    public static final String CALLER_OBJECT_ID = "CallerObjectId";
    /** The org's security tables and relationships, counted apart from the data (rowCount, pairCount). */
    public static final List<String> ORG_TABLES = List.of("businessunit", "team", "role", "privilege", "roleprivileges",
            "principalobjectaccess");
    public static final List<String> ORG_RELATIONSHIPS = List.of(Principal.USER_ROLES, Principal.TEAM_ROLES,
            Principal.MEMBERSHIP, "roleprivileges_association");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final PrivilegeCatalogue catalogue;
    private final UUID defaultUser;
    private volatile Map<String, UUID> tokens = Map.of();
    private volatile SecurityFile file;

    public Security(Schema schema, UUID defaultUser) {
        this.schema = schema;
        this.catalogue = new PrivilegeCatalogue(schema);
        this.defaultUser = defaultUser;
    }

    public PrivilegeCatalogue catalogue() {
        return catalogue;
    }

    /** Opaque bearer tokens and the systemuser each stands for (JWTs name theirs by the {@code oid} claim). */
    public void tokens(Map<String, UUID> byToken) {
        tokens = Map.copyOf(byToken);
    }

    /**
     * Makes {@code loaded}'s business units, roles, users and teams part of every fresh store, and its tokens the
     * opaque-token table (replacing an earlier file's).
     */
    public void use(SecurityFile loaded) {
        if (!modelled()) {
            throw new IllegalArgumentException("the schema has no systemuser, role, businessunit or roleprivileges "
                    + "table, so a security file has nothing to fill");
        }
        file = loaded;
        tokens(loaded.tokens());
    }

    /** Whether the schema has the security tables (a user's own {@code $metadata} may not). */
    public boolean modelled() {
        return schema.byLogicalName("systemuser").isPresent() && schema.byLogicalName("role").isPresent()
                && schema.byLogicalName("businessunit").isPresent() && schema.byLogicalName("roleprivileges").isPresent();
    }

    /** Puts the org's fixed rows into a fresh store: root unit, caller's unit and role, the privileges. */
    public void seed(Store store, UUID rootUnit, String rootName) {
        if (!modelled()) {
            return;
        }
        ObjectNode unit = JsonNodeFactory.instance.objectNode().put("name", rootName).put("isdisabled", false);
        store.insert("businessunit", rootUnit, unit);
        Row admin = store.insert("role", SYSTEM_ADMINISTRATOR_ROLE, JsonNodeFactory.instance.objectNode()
                .put("name", "System Administrator").put("roletemplateid", Principal.SYSADMIN_TEMPLATE).put("isinherited", 1));
        store.setLookup(admin, Ownership.BUSINESS_UNIT, new EntityRef("businessunit", rootUnit));
        for (PrivilegeCatalogue.Privilege p : catalogue.all()) {
            ObjectNode row = JsonNodeFactory.instance.objectNode().put("name", p.name())
                    .put("accessright", p.right() == null ? 0 : p.right().mask())
                    .put("canbebasic", p.userOwned()).put("canbelocal", p.table() != null && p.userOwned())
                    .put("canbedeep", p.table() != null && p.userOwned()).put("canbeglobal", true);
            store.insert("privilege", p.id(), row);
        }
        store.find("systemuser", defaultUser).ifPresent(user -> {
            store.setLookup(user, Ownership.BUSINESS_UNIT, new EntityRef("businessunit", rootUnit));
            store.addPair(Principal.USER_ROLES, user.ref(), admin.ref());
        });
        SecurityFile loaded = file;
        if (loaded != null) {
            loaded.seed(store);
        }
    }

    /** Who {@code request} comes from and acts as, read from {@code store}: its {@link Guard}. */
    public Guard guard(EmulatorRequest request, Store store, BehaviourProfile profile) {
        if (!modelled()) {
            return Guard.unchecked();
        }
        UUID callerId = authenticated(request, store);
        Principal caller = Principal.load(store, callerId);
        if (caller == null) {
            return Guard.unchecked(); // the default caller's row was deleted: nothing to check against
        }
        Principal effective = impersonated(request, store, caller);
        return new Guard(effective, caller, catalogue, store, schema, profile);
    }

    /** The bearer token's user: a JWT's {@code oid} matched to {@code azureactivedirectoryobjectid}, else the table. */
    private UUID authenticated(EmulatorRequest request, Store store) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return defaultUser;
        }
        String token = authorization.substring(7).trim();
        UUID mapped = tokens.get(token);
        if (mapped != null) {
            return mapped;
        }
        String oid = oidClaim(token);
        if (oid != null) {
            Row user = byObjectId(store, oid);
            if (user != null) {
                return user.id();
            }
        }
        return defaultUser;
    }

    private static String oidClaim(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode oid = claims.get("oid");
            return oid != null && oid.isTextual() ? oid.asText() : null;
        } catch (IllegalArgumentException | IOException e) {
            return null; // not a JWT after all: an opaque token
        }
    }

    private static Row byObjectId(Store store, String objectId) {
        for (Row user : store.rows("systemuser")) {
            JsonNode aad = user.attribute("azureactivedirectoryobjectid");
            if (aad != null && aad.isTextual() && aad.asText().equalsIgnoreCase(objectId)) {
                return user;
            }
        }
        return null;
    }

    /** {@code CallerObjectId} wins over {@code MSCRMCallerID} (S7 is silent; see security.md). */
    private Principal impersonated(EmulatorRequest request, Store store, Principal caller) {
        String objectId = request.header(CALLER_OBJECT_ID);
        String callerId = request.header(CALLER_ID);
        String header = objectId != null ? CALLER_OBJECT_ID : callerId != null ? CALLER_ID : null;
        if (header == null) {
            return caller;
        }
        String value = (objectId != null ? objectId : callerId).trim();
        if (value.isEmpty()) {
            throw Errors.invalidCallerId();
        }
        UUID id;
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Errors.badPayload("The " + header + " header '" + value + "' is not a GUID.");
        }
        Row user = header.equals(CALLER_ID) ? store.find("systemuser", UUID.fromString(value)).orElse(null)
                : byObjectId(store, value);
        if (user == null) {
            throw Errors.callerNotFound(header, value);
        }
        id = user.id();
        if (id.equals(caller.id())) {
            return caller; // impersonating oneself is no impersonation (S7)
        }
        if (!caller.isSystemAdministrator() && caller.grants(catalogue.actOnBehalf().id(), true).isEmpty()) {
            throw Errors.cannotActOnBehalf();
        }
        return Principal.load(store, id);
    }

    /** Every user's principal, for the read functions ({@code RetrievePrincipalAccess}). */
    public Principal principal(Store store, UUID user) {
        return Principal.load(store, user);
    }
}

package dev.dataversebdd.emulator.core.security;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.security.PrivilegeCatalogue.Privilege;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * An org's business units, roles (with their privileges), users and teams, read from one JSON document (the format is
 * in security.md) and checked whole before anything is stored: an unknown name or property is refused with the
 * document's name, the JSON path and the closest known name. Ids are the file's, else derived from the names, so the
 * same in every run. The rows join what a fresh store holds, so a reset brings them back.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SecurityFile {

    /** What a fresh store holds before the file: the names a file may refer to without defining them. */
    public record Seeded(UUID rootUnit, String rootUnitName, UUID user, String userName) {
    }

    private record Unit(UUID id, String name, UUID parent) {
    }

    private record Role(UUID id, String name, UUID unit, Map<Privilege, Depth> privileges) {
    }

    private record User(UUID id, String name, UUID unit, List<UUID> roles, String aadObjectId, String email) {
    }

    private record Team(UUID id, String name, UUID unit, List<UUID> members, List<UUID> roles) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> TOP = List.of("businessUnits", "roles", "users", "teams");
    private static final List<String> UNIT_KEYS = List.of("name", "parent", "id");
    private static final List<String> ROLE_KEYS = List.of("name", "businessUnit", "privileges", "id");
    private static final List<String> USER_KEYS = List.of("name", "businessUnit", "roles", "aadObjectId", "email", "token",
            "id");
    private static final List<String> TEAM_KEYS = List.of("name", "businessUnit", "members", "roles", "id");

    private final List<Unit> units = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final Map<String, UUID> tokens = new LinkedHashMap<>();

    private SecurityFile() {
    }

    /** Reads and checks {@code json}; {@code source} names it in messages (the file's path). */
    public static SecurityFile parse(String json, String source, PrivilegeCatalogue catalogue, Seeded seeded) {
        return new Reader(source, catalogue, seeded).read(json);
    }

    /** Opaque bearer tokens and the user each authenticates as. */
    public Map<String, UUID> tokens() {
        return Map.copyOf(tokens);
    }

    /** Puts the file's rows and pairs into a fresh store (after the seeded root unit, caller and roles). */
    public void seed(Store store) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        for (Unit unit : units) {
            Row row = store.insert("businessunit", unit.id(), json.objectNode().put("name", unit.name()).put("isdisabled", false));
            store.setLookup(row, "_parentbusinessunitid_value", new EntityRef("businessunit", unit.parent()));
        }
        for (Role role : roles) {
            Row row = store.insert("role", role.id(), json.objectNode().put("name", role.name()));
            store.setLookup(row, Ownership.BUSINESS_UNIT, new EntityRef("businessunit", role.unit()));
            for (Map.Entry<Privilege, Depth> grant : role.privileges().entrySet()) {
                EntityRef privilege = new EntityRef("privilege", grant.getKey().id());
                UUID linkId = derivedId("roleprivileges", role.id() + " " + grant.getKey().name());
                Row link = store.insert("roleprivileges", linkId, json.objectNode()
                        .put("privilegedepthmask", grant.getValue().mask()));
                store.setLookup(link, "_roleid_value", row.ref());
                store.setLookup(link, "_privilegeid_value", privilege);
                store.addPair("roleprivileges_association", row.ref(), privilege);
            }
            RoleCopies.afterCreate(store, row);
        }
        for (User user : users) {
            ObjectNode columns = json.objectNode().put("fullname", user.name()).put("isdisabled", false);
            if (user.aadObjectId() != null) {
                columns.put("azureactivedirectoryobjectid", user.aadObjectId());
            }
            if (user.email() != null) {
                columns.put("internalemailaddress", user.email());
            }
            Row row = store.insert("systemuser", user.id(), columns);
            store.setLookup(row, Ownership.BUSINESS_UNIT, new EntityRef("businessunit", user.unit()));
            for (UUID role : user.roles()) { // a role of another unit: the unit's copy of it
                store.addPair(Principal.USER_ROLES, row.ref(), RoleCopies.inUnit(store, new EntityRef("role", role),
                        row.lookup(Ownership.BUSINESS_UNIT)));
            }
        }
        for (Team team : teams) {
            Row row = store.insert("team", team.id(), json.objectNode().put("name", team.name()).put("teamtype", 0)
                    .put("isdefault", false));
            store.setLookup(row, Ownership.BUSINESS_UNIT, new EntityRef("businessunit", team.unit()));
            for (UUID member : team.members()) {
                store.addPair(Principal.MEMBERSHIP, new EntityRef("systemuser", member), row.ref());
            }
            for (UUID role : team.roles()) {
                store.addPair(Principal.TEAM_ROLES, row.ref(), RoleCopies.inUnit(store, new EntityRef("role", role),
                        row.lookup(Ownership.BUSINESS_UNIT)));
            }
        }
    }

    /** The id a row named {@code name} gets when the file gives none: the same in every run. */
    public static UUID derivedId(String table, String name) {
        return UUID.nameUUIDFromBytes(("dataverse-bdd " + table + " " + name).getBytes(StandardCharsets.UTF_8));
    }

    /** One pass over the document: names first (so that order does not matter), then every reference. */
    private static final class Reader {
        private final String source;
        private final PrivilegeCatalogue catalogue;
        private final Seeded seeded;
        private final SecurityFile file = new SecurityFile();
        private final Map<String, UUID> unitIds = new LinkedHashMap<>();
        private final Map<String, UUID> roleIds = new LinkedHashMap<>();
        private final Map<String, UUID> userIds = new LinkedHashMap<>();
        private final Map<UUID, String> takenIds = new HashMap<>();

        Reader(String source, PrivilegeCatalogue catalogue, Seeded seeded) {
            this.source = source;
            this.catalogue = catalogue;
            this.seeded = seeded;
            unitIds.put(seeded.rootUnitName(), seeded.rootUnit());
            roleIds.put("System Administrator", Security.SYSTEM_ADMINISTRATOR_ROLE);
            userIds.put(seeded.userName(), seeded.user());
            takenIds.put(seeded.rootUnit(), "the root business unit '" + seeded.rootUnitName() + "'");
            takenIds.put(Security.SYSTEM_ADMINISTRATOR_ROLE, "the role 'System Administrator'");
            takenIds.put(seeded.user(), "the user '" + seeded.userName() + "'");
        }

        SecurityFile read(String json) {
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                throw failure("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw failure("$", "must be a JSON object with " + String.join(", ", TOP));
            }
            allowOnly(root, "$", TOP);
            List<JsonNode> unitItems = items(root, "businessUnits", UNIT_KEYS);
            List<JsonNode> roleItems = items(root, "roles", ROLE_KEYS);
            List<JsonNode> userItems = items(root, "users", USER_KEYS);
            List<JsonNode> teamItems = items(root, "teams", TEAM_KEYS);
            List<UUID> units = name(unitItems, "businessUnits", "businessunit", "business unit", unitIds);
            List<UUID> roles = name(roleItems, "roles", "role", "role", roleIds);
            List<UUID> users = name(userItems, "users", "systemuser", "user", userIds);
            List<UUID> teams = name(teamItems, "teams", "team", "team", null);
            for (int i = 0; i < unitItems.size(); i++) {
                String path = "$.businessUnits[" + i + "]";
                JsonNode item = unitItems.get(i);
                file.units.add(new Unit(units.get(i), item.get("name").asText(), reference(item, path, "parent",
                        unitIds, "business unit", seeded.rootUnit())));
            }
            refuseCycles();
            for (int i = 0; i < roleItems.size(); i++) {
                String path = "$.roles[" + i + "]";
                JsonNode item = roleItems.get(i);
                file.roles.add(new Role(roles.get(i), item.get("name").asText(), unit(item, path), privileges(item, path)));
            }
            for (int i = 0; i < userItems.size(); i++) {
                String path = "$.users[" + i + "]";
                JsonNode item = userItems.get(i);
                String aad = optionalText(item, path, "aadObjectId");
                if (aad != null) {
                    guid(aad, path + ".aadObjectId");
                }
                String token = optionalText(item, path, "token");
                if (token != null && file.tokens.putIfAbsent(token, users.get(i)) != null) {
                    throw failure(path + ".token", "another user has the same token");
                }
                file.users.add(new User(users.get(i), item.get("name").asText(), unit(item, path),
                        references(item, path, "roles", roleIds, "role"), aad, optionalText(item, path, "email")));
            }
            for (int i = 0; i < teamItems.size(); i++) {
                String path = "$.teams[" + i + "]";
                JsonNode item = teamItems.get(i);
                file.teams.add(new Team(teams.get(i), item.get("name").asText(), unit(item, path),
                        references(item, path, "members", userIds, "user"), references(item, path, "roles", roleIds, "role")));
            }
            return file;
        }

        private List<JsonNode> items(JsonNode root, String key, List<String> allowed) {
            JsonNode array = root.get(key);
            if (array == null || array.isNull()) {
                return List.of();
            }
            if (!array.isArray()) {
                throw failure("$." + key, "must be an array");
            }
            List<JsonNode> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "$." + key + "[" + i + "]";
                if (!array.get(i).isObject()) {
                    throw failure(path, "must be an object");
                }
                allowOnly(array.get(i), path, allowed);
                items.add(array.get(i));
            }
            return items;
        }

        /** Each item's name (unique within its kind) and id (the file's, else derived from the name). */
        private List<UUID> name(List<JsonNode> items, String key, String table, String kind, Map<String, UUID> known) {
            List<UUID> ids = new ArrayList<>();
            Set<String> names = new HashSet<>(known == null ? Set.of() : known.keySet());
            for (int i = 0; i < items.size(); i++) {
                String path = "$." + key + "[" + i + "]";
                String name = optionalText(items.get(i), path, "name");
                if (name == null) {
                    throw failure(path, "a " + kind + " needs a \"name\"");
                }
                if (!names.add(name)) {
                    throw failure(path + ".name", "there is already a " + kind + " named '" + name + "'");
                }
                String given = optionalText(items.get(i), path, "id");
                UUID id = given == null ? derivedId(table, name) : guid(given, path + ".id");
                String owner = takenIds.putIfAbsent(id, "the " + kind + " '" + name + "'");
                if (owner != null) {
                    throw failure(path + (given == null ? ".name" : ".id"), "the id " + id + " is taken by " + owner);
                }
                if (known != null) {
                    known.put(name, id);
                }
                ids.add(id);
            }
            return ids;
        }

        private UUID unit(JsonNode item, String path) {
            return reference(item, path, "businessUnit", unitIds, "business unit", seeded.rootUnit());
        }

        private UUID reference(JsonNode item, String path, String key, Map<String, UUID> known, String kind, UUID absent) {
            String name = optionalText(item, path, key);
            return name == null ? absent : resolve(name, path + "." + key, known, kind);
        }

        private List<UUID> references(JsonNode item, String path, String key, Map<String, UUID> known, String kind) {
            JsonNode array = item.get(key);
            if (array == null || array.isNull()) {
                return List.of();
            }
            if (!array.isArray()) {
                throw failure(path + "." + key, "must be an array of " + kind + " names");
            }
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String at = path + "." + key + "[" + i + "]";
                if (!array.get(i).isTextual()) {
                    throw failure(at, "must be a " + kind + "'s name");
                }
                UUID id = resolve(array.get(i).asText(), at, known, kind);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        private UUID resolve(String name, String path, Map<String, UUID> known, String kind) {
            UUID id = known.get(name);
            if (id == null) {
                throw failure(path, "no " + kind + " named '" + name + "'" + hint(name, known.keySet()));
            }
            return id;
        }

        private Map<Privilege, Depth> privileges(JsonNode role, String path) {
            JsonNode object = role.get("privileges");
            Map<Privilege, Depth> privileges = new LinkedHashMap<>();
            if (object == null || object.isNull()) {
                return privileges;
            }
            if (!object.isObject()) {
                throw failure(path + ".privileges", "must be an object of privilege names and depths, e.g. "
                        + "{\"prvReadAccount\": \"Global\"}");
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String at = path + ".privileges." + entry.getKey();
                Privilege privilege = catalogue.byName(entry.getKey()).orElseThrow(() -> failure(at, "no privilege named '"
                        + entry.getKey() + "'" + Names.closest(entry.getKey(), catalogue.names())
                        .map(n -> "; did you mean '" + n + "'?").orElse("; GET privileges lists them")));
                Depth depth = entry.getValue().isTextual() ? Depth.parse(entry.getValue().asText()) : null;
                if (depth == null) {
                    String given = entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString();
                    throw failure(at, "no depth '" + given + "'" + Names.closest(given, List.of("Basic", "Local", "Deep",
                            "Global")).map(n -> "; did you mean '" + n + "'?").orElse("; expected Basic, Local, Deep or "
                            + "Global"));
                }
                if (depth != Depth.GLOBAL && !privilege.userOwned()) {
                    throw failure(at, privilege.name() + " is on an organization-owned table: Global only, not "
                            + depth.displayName());
                }
                if (privileges.put(privilege, depth) != null) {
                    throw failure(at, "the role names " + privilege.name() + " twice");
                }
            }
            return privileges;
        }

        private void refuseCycles() {
            Map<UUID, UUID> parents = new HashMap<>();
            Map<UUID, String> names = new HashMap<>();
            for (Unit unit : file.units) {
                parents.put(unit.id(), unit.parent());
                names.put(unit.id(), unit.name());
            }
            for (int i = 0; i < file.units.size(); i++) {
                List<String> chain = new ArrayList<>();
                Set<UUID> seen = new HashSet<>();
                for (UUID cursor = file.units.get(i).id(); cursor != null && names.containsKey(cursor);
                     cursor = parents.get(cursor)) {
                    chain.add(names.get(cursor));
                    if (!seen.add(cursor)) {
                        throw failure("$.businessUnits[" + i + "].parent", "the parents go round in a circle: "
                                + String.join(" -> ", chain));
                    }
                }
            }
        }

        private String optionalText(JsonNode item, String path, String key) {
            JsonNode value = item.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw failure(path + "." + key, "must be a non-empty string");
            }
            return value.asText();
        }

        private UUID guid(String text, String path) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw failure(path, "'" + text + "' is not a GUID");
            }
        }

        private void allowOnly(JsonNode object, String path, List<String> allowed) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!allowed.contains(field.getKey())) {
                    throw failure(path + "." + field.getKey(), "unknown property" + hint(field.getKey(), allowed));
                }
            }
        }

        private static String hint(String wrong, Collection<String> known) {
            Optional<String> closest = Names.closest(wrong, known);
            if (closest.isPresent()) {
                return "; did you mean '" + closest.get() + "'?";
            }
            List<String> some = known.stream().limit(10).toList();
            return "; known: " + String.join(", ", some) + (known.size() > some.size() ? ", ..." : "");
        }

        private IllegalArgumentException failure(String path, String message) {
            return new IllegalArgumentException("security file '" + source + "': " + path + ": " + message);
        }
    }
}

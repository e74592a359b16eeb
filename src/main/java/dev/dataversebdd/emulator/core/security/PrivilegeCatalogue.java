package dev.dataversebdd.emulator.core.security;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Every privilege of the loaded schema: for each table with an entity set, one per {@link Right}, named
 * {@code prv<Verb><Table>} as Dataverse names them (S3), plus {@code prvActOnBehalfOfAnotherUser} (S7). Ids are
 * derived from the name, so they are the same in every run and after every reset.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class PrivilegeCatalogue {

    public static final String ACT_ON_BEHALF = "prvActOnBehalfOfAnotherUser";

    /** Tables whose rows are parts of other rows or of the security model itself: no privileges of their own. */
    private static final Set<String> WITHOUT_PRIVILEGES = Set.of("activityparty", "roleprivileges",
            "principalobjectaccess", "privilege");
    /** Dataverse's own names where they are not the table's schema name (S3): activities share one set. */
    private static final Map<String, String> BASE_NAMES = Map.ofEntries(Map.entry("account", "Account"),
            Map.entry("contact", "Contact"), Map.entry("opportunity", "Opportunity"),
            Map.entry("competitor", "Competitor"), Map.entry("activitypointer", "Activity"),
            Map.entry("email", "Activity"), Map.entry("task", "Activity"), Map.entry("systemuser", "User"),
            Map.entry("team", "Team"), Map.entry("role", "Role"), Map.entry("businessunit", "BusinessUnit"),
            Map.entry("annotation", "Note"), Map.entry("salesorder", "Order"));
    private static final Map<String, Integer> TYPE_CODES = Map.ofEntries(Map.entry("account", 1),
            Map.entry("contact", 2), Map.entry("opportunity", 3), Map.entry("competitor", 123),
            Map.entry("email", 4202), Map.entry("task", 4212), Map.entry("activitypointer", 4200),
            Map.entry("systemuser", 8), Map.entry("team", 9), Map.entry("businessunit", 10),
            Map.entry("role", 1036), Map.entry("privilege", 1023), Map.entry("activityparty", 135));
    private static final Map<String, String> DISPLAY_NAMES = Map.ofEntries(Map.entry("account", "Account"),
            Map.entry("contact", "Contact"), Map.entry("opportunity", "Opportunity"),
            Map.entry("competitor", "Competitor"), Map.entry("email", "Email"), Map.entry("task", "Task"),
            Map.entry("systemuser", "User"), Map.entry("team", "Team"), Map.entry("businessunit", "Business Unit"),
            Map.entry("role", "Security Role"), Map.entry("activityparty", "Activity Party"));

    /** One privilege: {@code table} is null for {@code prvActOnBehalfOfAnotherUser}. */
    public record Privilege(UUID id, String name, String table, Right right, boolean userOwned) {
    }

    private final Map<String, Privilege> byName = new LinkedHashMap<>();
    private final Map<String, Privilege> byLowerName = new LinkedHashMap<>();
    private final Map<UUID, Privilege> byId = new LinkedHashMap<>();
    private final Map<String, Privilege[]> byTable = new LinkedHashMap<>();
    private final Map<String, Integer> typeCodes = new LinkedHashMap<>();

    public PrivilegeCatalogue(Schema schema) {
        int custom = 10_000;
        for (String set : schema.entitySetNames()) {
            EntityType type = schema.byEntitySet(set).orElseThrow();
            String table = type.logicalName();
            typeCodes.put(table, TYPE_CODES.getOrDefault(table, custom++));
            if (WITHOUT_PRIVILEGES.contains(table)) {
                continue;
            }
            String base = BASE_NAMES.getOrDefault(table, table);
            Privilege[] rights = new Privilege[Right.values().length];
            for (Right right : Right.values()) {
                String name = "prv" + right.verb() + base;
                Privilege privilege = byName.get(name);
                if (privilege == null) {
                    privilege = add(name, table, right, isUserOwned(type));
                }
                rights[right.ordinal()] = privilege;
            }
            byTable.put(table, rights);
        }
        add(ACT_ON_BEHALF, null, null, false);
    }

    private Privilege add(String name, String table, Right right, boolean userOwned) {
        UUID id = UUID.nameUUIDFromBytes(("dataverse-bdd privilege " + name).getBytes(StandardCharsets.UTF_8));
        Privilege privilege = new Privilege(id, name, table, right, userOwned);
        byName.put(name, privilege);
        byLowerName.put(name.toLowerCase(Locale.ROOT), privilege);
        byId.put(id, privilege);
        return privilege;
    }

    /** A table with {@code ownerid} is user- or team-owned; any other is organization-owned (S2). */
    public static boolean isUserOwned(EntityType type) {
        return type.hasProperty(Ownership.OWNER);
    }

    /** The privilege for {@code right} on {@code table}, or empty when the table has none (activity parties). */
    public Optional<Privilege> of(String table, Right right) {
        Privilege[] rights = byTable.get(table);
        return rights == null ? Optional.empty() : Optional.of(rights[right.ordinal()]);
    }

    public Optional<Privilege> byName(String name) {
        Privilege exact = byName.get(name);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<Privilege> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Privilege actOnBehalf() {
        return byName.get(ACT_ON_BEHALF);
    }

    public Collection<Privilege> all() {
        return byName.values();
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public int size() {
        return byName.size();
    }

    /** The object type code Dataverse reports for {@code table} (custom tables from 10000, in schema order). */
    public int typeCode(String table) {
        return typeCodes.getOrDefault(table, 0);
    }

    /** The table's display name as error messages write it (the logical name when the schema does not say). */
    public static String displayName(String table) {
        return DISPLAY_NAMES.getOrDefault(table, table);
    }
}

package dev.dataversebdd.emulator.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The table and relationship definitions of a schema: every table has one, taken from a capture of the org's
 * {@code EntityDefinitions}/{@code RelationshipDefinitions} where there is one, else worked out from CSDL.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Definitions {

    private static final List<String> NAME_CANDIDATES = List.of("name", "fullname", "subject", "title");

    private final Map<String, TableDefinition> tables;
    private final Map<String, RelationshipDetails> relationships;

    Definitions(Map<String, TableDefinition> tables, Map<String, RelationshipDetails> relationships) {
        this.tables = Map.copyOf(tables);
        this.relationships = Map.copyOf(relationships);
    }

    public Optional<TableDefinition> table(String logicalName) {
        return Optional.ofNullable(tables.get(logicalName));
    }

    public Optional<RelationshipDetails> relationship(String schemaName) {
        return Optional.ofNullable(relationships.get(schemaName));
    }

    /**
     * What CSDL alone lets one say of a table (INF, metadata.md): the key is the primary id; the primary name is the
     * first of name, fullname, subject, title; a table with an owner lookup is user-owned, else organization-owned;
     * a table keyed by activityid is an activity; a name with a publisher prefix is custom; no object type code.
     */
    static TableDefinition derived(EntityType type) {
        String primaryName = NAME_CANDIDATES.stream().filter(type::hasProperty).findFirst().orElse(null);
        Map<String, TableDefinition.ColumnDefinition> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : type.properties().entrySet()) {
            String column = attributeName(property.getKey());
            columns.put(column, new TableDefinition.ColumnDefinition(column, id("Attribute", type.logicalName() + "." + column),
                    attributeType(type, property.getKey(), property.getValue()), Map.of()));
        }
        return new TableDefinition(type.logicalName(), type.logicalName(), id("EntityDefinitions", type.logicalName()),
                type.primaryKey(), primaryName, type.hasProperty("_ownerid_value") ? "UserOwned" : "OrganizationOwned",
                null, type.primaryKey().equals("activityid") && !type.logicalName().equals("activitypointer"),
                type.logicalName().contains("_"), columns, Map.of());
    }

    /** The column a CSDL property stands for: {@code _parentcustomerid_value} is the lookup {@code parentcustomerid}. */
    public static String attributeName(String property) {
        return property.startsWith("_") && property.endsWith("_value")
                ? property.substring(1, property.length() - "_value".length()) : property;
    }

    /** A stable MetadataId for a definition the org did not give one: the same name gives the same id every run. */
    public static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String attributeType(EntityType type, String property, String edmType) {
        if (property.equals(type.primaryKey())) {
            return "Uniqueidentifier";
        }
        if (type.isLookupProperty(property)) {
            return property.equals("_ownerid_value") ? "Owner" : "Lookup";
        }
        return switch (edmType == null ? "" : edmType) {
            case "Edm.String" -> "String";
            case "Edm.Int32" -> "Integer";
            case "Edm.Int64" -> "BigInt";
            case "Edm.Decimal" -> "Decimal";
            case "Edm.Double" -> "Double";
            case "Edm.Boolean" -> "Boolean";
            case "Edm.DateTimeOffset", "Edm.Date" -> "DateTime";
            case "Edm.Guid" -> "Uniqueidentifier";
            default -> "Virtual";
        };
    }
}

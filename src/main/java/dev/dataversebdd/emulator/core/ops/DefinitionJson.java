package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.schema.Definitions;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.schema.RelationshipDetails;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.schema.TableDefinition;
import dev.dataversebdd.emulator.core.schema.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The definitions of a schema in the Web API's shapes (D23): {@code EntityMetadata}, {@code AttributeMetadata} and
 * its derived types, {@code OneToManyRelationshipMetadata} (with its {@code CascadeConfiguration}, D24),
 * {@code ManyToManyRelationshipMetadata} and {@code EntityKeyMetadata}. What the definitions do not carry is worked
 * out from CSDL (see {@link Definitions}); labels (DisplayName, Description) are not modelled.
 */
final class DefinitionJson {

    static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
    static final String ONE_TO_MANY = "OneToManyRelationshipMetadata";
    static final String MANY_TO_MANY = "ManyToManyRelationshipMetadata";
    private static final List<String> CASCADE_ACTIONS = List.of("Assign", "Delete", "Merge", "Reparent", "Share",
            "Unshare", "RollupView");

    private final Schema schema;

    DefinitionJson(Schema schema) {
        this.schema = schema;
    }

    ObjectNode entity(EntityType type) {
        TableDefinition table = Tables.of(schema, type.logicalName());
        ObjectNode json = Json.object();
        json.put("MetadataId", table.metadataId().toString());
        json.put("LogicalName", type.logicalName());
        json.put("SchemaName", table.schemaName());
        json.put("EntitySetName", type.entitySetName());
        json.put("LogicalCollectionName", type.entitySetName());
        json.put("PrimaryIdAttribute", table.primaryIdAttribute());
        json.put("PrimaryNameAttribute", table.primaryNameAttribute());
        json.put("OwnershipType", table.ownershipType());
        if (table.objectTypeCode() == null) {
            json.putNull("ObjectTypeCode");
        } else {
            json.put("ObjectTypeCode", table.objectTypeCode());
        }
        json.put("IsActivity", table.isActivity());
        json.put("IsCustomEntity", table.isCustomEntity());
        json.put("IsIntersect", false);
        return json;
    }

    /** The table's columns, one per CSDL property ({@code _x_value} is the lookup {@code x}). */
    List<ObjectNode> attributes(EntityType type) {
        List<ObjectNode> attributes = new ArrayList<>();
        for (String property : new TreeSet<>(type.properties().keySet())) {
            attributes.add(attribute(type, property));
        }
        return attributes;
    }

    private ObjectNode attribute(EntityType type, String property) {
        TableDefinition table = Tables.of(schema, type.logicalName());
        String column = Definitions.attributeName(property);
        TableDefinition.ColumnDefinition definition = table.column(column).orElseThrow();
        List<String> targets = type.isLookupProperty(property) ? targets(type, property) : List.of();
        String attributeType = definition.attributeType().equals("Lookup") && targets.equals(List.of("account", "contact"))
                ? "Customer" : definition.attributeType();
        ObjectNode json = Json.object();
        json.put("@odata.type", "#" + NAMESPACE + metadataType(attributeType));
        json.put("MetadataId", definition.metadataId().toString());
        json.put("LogicalName", column);
        json.put("SchemaName", column);
        json.put("EntityLogicalName", type.logicalName());
        json.put("AttributeType", attributeType);
        json.putObject("AttributeTypeName").put("Value", attributeType + "Type");
        json.put("IsPrimaryId", property.equals(type.primaryKey()));
        json.put("IsPrimaryName", column.equals(table.primaryNameAttribute()));
        json.put("IsValidForRead", true);
        type.maxLength(property).ifPresent(length -> json.put("MaxLength", length));
        if (!targets.isEmpty()) {
            ArrayNode array = json.putArray("Targets");
            targets.forEach(array::add);
        }
        return json;
    }

    /** A choice column's options, as {@code $expand=OptionSet} shows them (labels in the user's language). */
    ObjectNode optionSet(EntityType type, String column) {
        TableDefinition.ColumnDefinition definition = Tables.of(schema, type.logicalName()).column(column).orElseThrow();
        ObjectNode json = Json.object();
        json.put("MetadataId", Definitions.id("OptionSet", type.logicalName() + "." + column).toString());
        json.put("Name", type.logicalName() + "_" + column);
        json.put("IsGlobal", false);
        json.put("OptionSetType", "Picklist");
        ArrayNode options = json.putArray("Options");
        definition.optionLabels().forEach((value, label) -> {
            ObjectNode option = options.addObject();
            option.put("Value", value);
            ObjectNode text = option.putObject("Label");
            ObjectNode localized = Json.object().put("Label", label).put("LanguageCode", 1033);
            text.putArray("LocalizedLabels").add(localized);
            text.set("UserLocalizedLabel", localized.deepCopy());
        });
        return json;
    }

    boolean isChoice(EntityType type, String property) {
        return Tables.of(schema, type.logicalName()).column(Definitions.attributeName(property))
                .map(c -> c.attributeType().equals("Picklist")).orElse(false);
    }

    /** The alternate keys CSDL declares, as {@code Keys} lists them. */
    List<ObjectNode> keys(EntityType type) {
        List<ObjectNode> keys = new ArrayList<>();
        for (List<String> key : type.alternateKeys()) {
            String name = Tables.of(schema, type.logicalName()).keyName(key)
                    .orElse(type.logicalName() + "_" + String.join("_", key));
            ObjectNode json = Json.object();
            json.put("MetadataId", Definitions.id("Key", name).toString());
            json.put("LogicalName", name);
            json.put("SchemaName", name);
            json.put("EntityLogicalName", type.logicalName());
            ArrayNode attributes = json.putArray("KeyAttributes");
            key.forEach(attributes::add);
            json.put("EntityKeyIndexStatus", "Active");
            keys.add(json);
        }
        return keys;
    }

    /** Every one-to-many relationship CSDL shows: a collection navigation property whose partner is a lookup. */
    List<ObjectNode> oneToMany() {
        List<ObjectNode> all = new ArrayList<>();
        for (EntityType type : Tables.all(schema)) {
            for (NavigationProperty nav : sorted(type)) {
                if (nav.kind() == NavigationProperty.Kind.ONE_TO_MANY && nav.lookupProperty() != null
                        && schema.byLogicalName(nav.targetType()).isPresent()) {
                    all.add(oneToMany(type, nav));
                }
            }
        }
        return all;
    }

    private ObjectNode oneToMany(EntityType referenced, NavigationProperty nav) {
        RelationshipDetails details = Tables.relationship(schema, nav.name()).orElse(null);
        ObjectNode json = Json.object();
        json.put("MetadataId", (details != null ? details.metadataId()
                : Definitions.id("RelationshipDefinitions", nav.name())).toString());
        json.put("SchemaName", nav.name());
        json.put("RelationshipType", "OneToManyRelationship");
        json.put("IsCustomRelationship", details != null ? details.isCustomRelationship()
                : isCustom(referenced.logicalName()) || isCustom(nav.targetType()));
        json.put("ReferencedEntity", referenced.logicalName());
        json.put("ReferencedAttribute", referenced.primaryKey());
        json.put("ReferencingEntity", nav.targetType());
        json.put("ReferencingAttribute", Definitions.attributeName(nav.lookupProperty()));
        json.put("ReferencedEntityNavigationPropertyName", nav.name());
        json.put("ReferencingEntityNavigationPropertyName", nav.partner());
        json.put("IsHierarchical", false);
        ObjectNode cascade = json.putObject("CascadeConfiguration");
        Map<String, String> captured = details != null ? details.cascade() : Map.of();
        for (String action : CASCADE_ACTIONS) {
            cascade.put(action, captured.getOrDefault(action, action.equals("Delete")
                    ? (nav.onDelete() == NavigationProperty.DeleteAction.CASCADE ? "Cascade" : "RemoveLink") : "NoCascade"));
        }
        captured.forEach((action, value) -> {
            if (!cascade.has(action)) {
                cascade.put(action, value);
            }
        });
        return json;
    }

    /** Every many-to-many relationship, once, with Entity1 as the captured definitions say (else alphabetical). */
    List<ObjectNode> manyToMany() {
        Map<String, List<EntityType>> sides = new LinkedHashMap<>();
        for (EntityType type : Tables.all(schema)) {
            for (NavigationProperty nav : sorted(type)) {
                if (nav.kind() == NavigationProperty.Kind.MANY_TO_MANY) {
                    sides.computeIfAbsent(nav.name(), k -> new ArrayList<>()).add(type);
                }
            }
        }
        List<ObjectNode> all = new ArrayList<>();
        sides.forEach((name, types) -> all.add(manyToMany(name, types)));
        return all;
    }

    private ObjectNode manyToMany(String name, List<EntityType> types) {
        RelationshipDetails details = Tables.relationship(schema, name).orElse(null);
        List<EntityType> ordered = new ArrayList<>(types);
        ordered.sort((a, b) -> a.logicalName().compareTo(b.logicalName()));
        if (details != null && details.entity1LogicalName() != null && ordered.size() == 2
                && ordered.get(1).logicalName().equals(details.entity1LogicalName())) {
            ordered = List.of(ordered.get(1), ordered.get(0));
        }
        EntityType first = ordered.get(0);
        EntityType second = ordered.size() > 1 ? ordered.get(1) : first;
        ObjectNode json = Json.object();
        json.put("MetadataId", (details != null ? details.metadataId() : Definitions.id("RelationshipDefinitions", name)).toString());
        json.put("SchemaName", name);
        json.put("RelationshipType", "ManyToManyRelationship");
        json.put("IsCustomRelationship", details != null ? details.isCustomRelationship()
                : isCustom(first.logicalName()) || isCustom(second.logicalName()));
        json.put("Entity1LogicalName", first.logicalName());
        json.put("Entity2LogicalName", second.logicalName());
        json.put("Entity1IntersectAttribute", first.primaryKey());
        json.put("Entity2IntersectAttribute", second.primaryKey());
        json.put("Entity1NavigationPropertyName", name);
        json.put("Entity2NavigationPropertyName", name);
        json.put("IntersectEntityName", details != null && details.intersectEntityName() != null
                ? details.intersectEntityName() : name.replaceFirst("_association$", "").toLowerCase(java.util.Locale.ROOT));
        return json;
    }

    /** A relationship to or from a custom table is custom, unless the captured definitions say otherwise. */
    private boolean isCustom(String logicalName) {
        return Tables.of(schema, logicalName).isCustomEntity();
    }

    private List<String> targets(EntityType type, String lookup) {
        TreeSet<String> targets = new TreeSet<>();
        for (NavigationProperty nav : type.navigations().values()) {
            if (nav.kind() == NavigationProperty.Kind.SINGLE && lookup.equals(nav.lookupProperty())) {
                targets.add(nav.targetType());
            }
        }
        return List.copyOf(targets);
    }

    private static List<NavigationProperty> sorted(EntityType type) {
        return type.navigations().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    private static String metadataType(String attributeType) {
        return switch (attributeType) {
            case "Lookup", "Owner", "Customer" -> "LookupAttributeMetadata";
            case "Uniqueidentifier" -> "UniqueIdentifierAttributeMetadata";
            case "BigInt", "Boolean", "DateTime", "Decimal", "Double", "Integer", "Memo", "Money", "Picklist", "State",
                 "Status", "String" -> attributeType + "AttributeMetadata";
            default -> "AttributeMetadata";
        };
    }
}

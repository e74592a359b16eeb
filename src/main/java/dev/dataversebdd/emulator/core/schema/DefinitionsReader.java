package dev.dataversebdd.emulator.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads definitions in the Web API's own JSON ({@code EntityMetadata}, {@code OneToManyRelationshipMetadata},
 * {@code ManyToManyRelationshipMetadata}, D23), as {@code metadata pull} writes them and the built-in schema ships
 * them. A property the JSON leaves out keeps what CSDL lets one work out, so a partial file is enough.
 */
final class DefinitionsReader {

    static final String ONE_TO_MANY = "OneToManyRelationshipMetadata";
    static final String MANY_TO_MANY = "ManyToManyRelationshipMetadata";

    private DefinitionsReader() {
    }

    static Definitions read(Collection<EntityType> types, JsonNode entityDefinitions, JsonNode relationshipDefinitions) {
        Map<String, JsonNode> captured = new LinkedHashMap<>();
        for (JsonNode entity : values(entityDefinitions)) {
            captured.put(entity.path("LogicalName").asText(), entity);
        }
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        for (EntityType type : types) {
            TableDefinition derived = Definitions.derived(type);
            JsonNode entity = captured.get(type.logicalName());
            tables.put(type.logicalName(), entity == null ? derived : merge(derived, entity));
        }
        Map<String, RelationshipDetails> relationships = new LinkedHashMap<>();
        for (JsonNode relationship : values(relationshipDefinitions)) {
            RelationshipDetails details = relationship(relationship);
            relationships.put(details.schemaName(), details);
        }
        return new Definitions(tables, relationships);
    }

    private static Iterable<JsonNode> values(JsonNode document) {
        if (document == null || document.isMissingNode() || document.isNull()) {
            return java.util.List.of();
        }
        JsonNode value = document.isArray() ? document : document.path("value");
        if (!value.isArray()) {
            throw new IllegalArgumentException("a definitions file must be a JSON array or an object with a \"value\" "
                    + "array (as the Web API answers), not " + document.getNodeType());
        }
        return value;
    }

    private static TableDefinition merge(TableDefinition derived, JsonNode entity) {
        Map<String, TableDefinition.ColumnDefinition> columns = new LinkedHashMap<>(derived.columns());
        for (JsonNode attribute : entity.path("Attributes")) {
            String name = attribute.path("LogicalName").asText();
            TableDefinition.ColumnDefinition known = columns.get(name);
            if (known == null) {
                continue; // a column $metadata does not declare (yominame, …): the Web API never shows it
            }
            Map<Integer, String> labels = new LinkedHashMap<>(known.optionLabels());
            for (JsonNode option : attribute.path("OptionSet").path("Options")) {
                String label = option.path("Label").path("UserLocalizedLabel").path("Label").asText(null);
                if (option.path("Value").canConvertToInt() && label != null) {
                    labels.put(option.path("Value").asInt(), label);
                }
            }
            columns.put(name, new TableDefinition.ColumnDefinition(name, uuid(attribute, known.metadataId()),
                    text(attribute, "AttributeType", known.attributeType()), labels));
        }
        Map<String, java.util.List<String>> keys = new LinkedHashMap<>(derived.keys());
        for (JsonNode key : entity.path("Keys")) {
            java.util.List<String> attributes = new java.util.ArrayList<>();
            key.path("KeyAttributes").forEach(a -> attributes.add(a.asText()));
            if (key.path("LogicalName").isTextual() && !attributes.isEmpty()) {
                keys.put(key.path("LogicalName").asText(), java.util.List.copyOf(attributes));
            }
        }
        JsonNode typeCode = entity.path("ObjectTypeCode");
        return new TableDefinition(derived.logicalName(), text(entity, "SchemaName", derived.schemaName()),
                uuid(entity, derived.metadataId()), text(entity, "PrimaryIdAttribute", derived.primaryIdAttribute()),
                entity.has("PrimaryNameAttribute") ? entity.path("PrimaryNameAttribute").asText(null)
                        : derived.primaryNameAttribute(),
                text(entity, "OwnershipType", derived.ownershipType()),
                typeCode.canConvertToInt() ? Integer.valueOf(typeCode.asInt()) : derived.objectTypeCode(),
                entity.path("IsActivity").asBoolean(derived.isActivity()),
                entity.path("IsCustomEntity").asBoolean(derived.isCustomEntity()), columns, keys);
    }

    private static RelationshipDetails relationship(JsonNode json) {
        String schemaName = json.path("SchemaName").asText(null);
        if (schemaName == null) {
            throw new IllegalArgumentException("a relationship definition has no SchemaName: " + abbreviate(json));
        }
        Map<String, String> cascade = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> action : json.path("CascadeConfiguration").properties()) {
            if (action.getValue().isTextual()) {
                cascade.put(action.getKey(), action.getValue().asText());
            }
        }
        return new RelationshipDetails(schemaName, uuid(json, Definitions.id("RelationshipDefinitions", schemaName)),
                json.path("IsCustomRelationship").asBoolean(false), cascade,
                json.path("IntersectEntityName").asText(null), json.path("Entity1LogicalName").asText(null));
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }

    private static UUID uuid(JsonNode json, UUID fallback) {
        try {
            return json.path("MetadataId").isTextual() ? UUID.fromString(json.path("MetadataId").asText()) : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String abbreviate(JsonNode json) {
        String text = json.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}

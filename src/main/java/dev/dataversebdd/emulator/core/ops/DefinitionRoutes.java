package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.schema.Tables;
import dev.dataversebdd.emulator.core.uri.ExpandItem;
import dev.dataversebdd.emulator.core.uri.Filter;
import dev.dataversebdd.emulator.core.uri.KeyPredicate;
import dev.dataversebdd.emulator.core.uri.ResourcePath;
import dev.dataversebdd.emulator.core.uri.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code GET EntityDefinitions…} and {@code GET RelationshipDefinitions…} ("Query table definitions using the Web
 * API", "Retrieve table definitions by name or MetadataId", D23): a table by {@code LogicalName} or MetadataId, its
 * {@code Attributes} (with the documented casts, {@code $expand=OptionSet}), {@code OneToManyRelationships},
 * {@code ManyToOneRelationships}, {@code ManyToManyRelationships} and {@code Keys}; relationships by
 * {@code SchemaName} or MetadataId, with the casts {@code Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata} and
 * {@code …ManyToManyRelationshipMetadata}; {@code $select}, {@code $filter} and {@code $expand} on each. Answers come
 * from the loaded schema. Creating or changing definitions is not modelled.
 */
final class DefinitionRoutes {

    static final String ENTITIES = "EntityDefinitions";
    static final String RELATIONSHIPS = "RelationshipDefinitions";
    private static final Set<String> ENTITY_COLLECTIONS = Set.of("Attributes", "OneToManyRelationships",
            "ManyToOneRelationships", "ManyToManyRelationships", "Keys");

    private final Schema schema;
    private final DefinitionJson json;

    DefinitionRoutes(Schema schema) {
        this.schema = schema;
        this.json = new DefinitionJson(schema);
    }

    static boolean handles(Segment first) {
        return first.name().equals(ENTITIES) || first.name().equals(RELATIONSHIPS);
    }

    EmulatorResponse route(ResourcePath path, RequestContext context) {
        if (!context.request().method().equals("GET")) {
            throw Errors.emulatorGap(context.request().method() + " on " + path.get(0).name()
                    + " (creating or changing table and relationship definitions)",
                    "GET of EntityDefinitions and RelationshipDefinitions");
        }
        return path.get(0).name().equals(ENTITIES) ? entities(path, context) : relationships(path, context);
    }

    private EmulatorResponse entities(ResourcePath path, RequestContext context) {
        Segment first = path.get(0);
        String root = context.serviceRoot() + "/$metadata#" + ENTITIES;
        if (path.size() == 1 && !first.hasKey()) {
            List<ObjectNode> all = Tables.all(schema).stream().map(json::entity).toList();
            return collection(root + selection(context), all, this::entityExpansions, context);
        }
        requireKey(first, path);
        EntityType type = entity(first.key());
        if (path.size() == 1) {
            return single(root + selection(context) + "/$entity", json.entity(type), this::entityExpansions, context);
        }
        Segment second = path.get(1);
        if (!ENTITY_COLLECTIONS.contains(second.name())) {
            throw Errors.propertyNotFound(second.name(), DefinitionJson.NAMESPACE + "EntityMetadata");
        }
        String nested = root + "(" + json.entity(type).path("MetadataId").asText() + ")/" + second.name();
        List<ObjectNode> items = entityCollection(type, second.name());
        String cast = path.size() >= 3 ? castOf(path.get(2), path) : null;
        if (second.hasKey()) {
            ObjectNode item = byKey(items, second.key(), second.name().equals("Attributes") || second.name().equals("Keys")
                    ? "LogicalName" : "SchemaName", () -> second.name() + " '" + second.key().raw() + "' of " + type.logicalName());
            if (cast != null && !item.path("@odata.type").asText().equals("#" + DefinitionJson.NAMESPACE + cast)) {
                throw notFound("The " + second.name() + " item " + second.key().raw() + " is not a " + cast + ".");
            }
            return single(nested + (cast == null ? "" : "/" + DefinitionJson.NAMESPACE + cast) + "/$entity", item,
                    attributeExpansions(type), context);
        }
        if (cast != null) {
            String wanted = "#" + DefinitionJson.NAMESPACE + cast;
            items = items.stream().filter(i -> i.path("@odata.type").asText().equals(wanted)).toList();
            nested = nested + "/" + DefinitionJson.NAMESPACE + cast;
        }
        return collection(nested + selection(context), items, attributeExpansions(type), context);
    }

    private EmulatorResponse relationships(ResourcePath path, RequestContext context) {
        Segment first = path.get(0);
        String cast = path.size() == 2 ? castOf(path.get(1), path) : null;
        if (path.size() > 2) {
            throw Errors.resourceNotFoundForSegment(path.get(2).toString(), "0x80060888");
        }
        List<ObjectNode> all = new ArrayList<>();
        if (cast == null || cast.equals(DefinitionJson.ONE_TO_MANY)) {
            json.oneToMany().forEach(r -> all.add(typed(r, DefinitionJson.ONE_TO_MANY, cast == null)));
        }
        if (cast == null || cast.equals(DefinitionJson.MANY_TO_MANY)) {
            json.manyToMany().forEach(r -> all.add(typed(r, DefinitionJson.MANY_TO_MANY, cast == null)));
        }
        String root = context.serviceRoot() + "/$metadata#" + RELATIONSHIPS
                + (cast == null ? "" : "/" + DefinitionJson.NAMESPACE + cast);
        if (!first.hasKey()) {
            return collection(root + selection(context), all, item -> Map.of(), context);
        }
        ObjectNode item = byKey(all, first.key(), "SchemaName", () -> "relationship " + first.key().raw()
                + (cast == null ? "" : " of type " + cast));
        return single(root + selection(context) + "/$entity", item, i -> Map.of(), context);
    }

    private static ObjectNode typed(ObjectNode relationship, String type, boolean annotate) {
        if (!annotate) {
            return relationship;
        }
        ObjectNode withType = Json.object().put("@odata.type", "#" + DefinitionJson.NAMESPACE + type);
        withType.setAll(relationship);
        return withType;
    }

    private List<ObjectNode> entityCollection(EntityType type, String name) {
        String logicalName = type.logicalName();
        return switch (name) {
            case "Attributes" -> json.attributes(type);
            case "OneToManyRelationships" -> json.oneToMany().stream()
                    .filter(r -> r.path("ReferencedEntity").asText().equals(logicalName)).toList();
            case "ManyToOneRelationships" -> json.oneToMany().stream()
                    .filter(r -> r.path("ReferencingEntity").asText().equals(logicalName)).toList();
            case "ManyToManyRelationships" -> json.manyToMany().stream()
                    .filter(r -> r.path("Entity1LogicalName").asText().equals(logicalName)
                            || r.path("Entity2LogicalName").asText().equals(logicalName)).toList();
            default -> json.keys(type);
        };
    }

    /** What {@code $expand} may name on a table: its collections of columns, relationships and keys. */
    private Map<String, List<ObjectNode>> entityExpansions(ObjectNode entity) {
        EntityType type = schema.type(entity.path("LogicalName").asText());
        Map<String, List<ObjectNode>> expansions = new java.util.LinkedHashMap<>();
        for (String name : List.of("Attributes", "OneToManyRelationships", "ManyToOneRelationships",
                "ManyToManyRelationships", "Keys")) {
            expansions.put(name, entityCollection(type, name));
        }
        return expansions;
    }

    /** On a choice column, {@code OptionSet} (its own options) and {@code GlobalOptionSet} (none here). */
    private Function<ObjectNode, Map<String, List<ObjectNode>>> attributeExpansions(EntityType type) {
        return attribute -> {
            String column = attribute.path("LogicalName").asText();
            if (!attribute.path("AttributeType").asText().equals("Picklist")) {
                return Map.of();
            }
            return Map.of("OptionSet", List.of(json.optionSet(type, column)), "GlobalOptionSet", List.of());
        };
    }

    private EmulatorResponse collection(String context, List<ObjectNode> items,
                                        Function<ObjectNode, Map<String, List<ObjectNode>>> expansions,
                                        RequestContext request) {
        ObjectNode body = Json.object();
        body.put("@odata.context", context);
        ArrayNode value = body.putArray("value");
        Filter filter = request.query().filter();
        for (ObjectNode item : items) {
            if (filter == null || DefinitionFilter.matches(item, filter)) {
                value.add(shaped(item, request.query().select(), request.query().expand(), expansions));
            }
        }
        return Responses.json(200, body);
    }

    private EmulatorResponse single(String context, ObjectNode item,
                                    Function<ObjectNode, Map<String, List<ObjectNode>>> expansions, RequestContext request) {
        return Responses.json(200, Responses.withContext(context,
                shaped(item, request.query().select(), request.query().expand(), expansions)));
    }

    /** The item with only the selected properties (the key and {@code @odata.type} always), and what it expands. */
    private static ObjectNode shaped(ObjectNode item, List<String> select, List<ExpandItem> expand,
                                     Function<ObjectNode, Map<String, List<ObjectNode>>> expansions) {
        ObjectNode shaped = select == null ? item.deepCopy() : Json.object();
        if (select != null) {
            for (String name : List.of("@odata.type", "MetadataId")) {
                if (item.has(name)) {
                    shaped.set(name, item.get(name));
                }
            }
            for (String name : select) {
                if (item.has(name)) {
                    shaped.set(name, item.get(name));
                }
            }
        }
        if (!expand.isEmpty()) {
            Map<String, List<ObjectNode>> available = expansions.apply(item);
            for (ExpandItem wanted : expand) {
                List<ObjectNode> related = available.get(wanted.navigation());
                if (related == null) {
                    throw Errors.propertyNotFound(wanted.navigation(), DefinitionJson.NAMESPACE
                            + item.path("@odata.type").asText("EntityMetadata").replaceFirst("^#.*\\.", ""));
                }
                if (wanted.navigation().endsWith("OptionSet")) {
                    shaped.set(wanted.navigation(), related.isEmpty() ? Json.object().nullNode()
                            : shaped(related.get(0), wanted.select(), List.of(), i -> Map.of()));
                    continue;
                }
                ArrayNode array = shaped.putArray(wanted.navigation());
                for (ObjectNode r : related) {
                    if (wanted.filter() == null || DefinitionFilter.matches(r, wanted.filter())) {
                        array.add(shaped(r, wanted.select(), List.of(), i -> Map.of()));
                    }
                }
            }
        }
        return shaped;
    }

    private EntityType entity(KeyPredicate key) {
        Object logicalName = key.isBare() ? null : key.named().get("LogicalName");
        if (key.isBare() && key.bareValue() instanceof UUID id) {
            return Tables.all(schema).stream().filter(t -> Tables.of(schema, t.logicalName()).metadataId().equals(id)).findFirst()
                    .orElseThrow(() -> notFound("Could not find entity with MetadataId '" + id + "'."));
        }
        if (!(logicalName instanceof String name) || key.named().size() != 1) {
            throw Errors.invalidKey(DefinitionJson.NAMESPACE + "EntityMetadata");
        }
        return schema.byLogicalName(name).orElseThrow(() -> notFound("Could not find entity with name '" + name + "'."));
    }

    private static ObjectNode byKey(List<ObjectNode> items, KeyPredicate key, String nameProperty,
                                    java.util.function.Supplier<String> what) {
        for (ObjectNode item : items) {
            boolean matches = key.isBare() ? item.path("MetadataId").asText().equalsIgnoreCase(String.valueOf(key.bareValue()))
                    : key.named().size() == 1 && item.path(nameProperty).asText().equals(key.named().get(nameProperty));
            if (matches) {
                return item;
            }
        }
        if (!key.isBare() && !key.named().containsKey(nameProperty)) {
            throw Errors.badRequestUri("The key in the request URI is not valid: use " + nameProperty
                    + "='...' or the MetadataId.");
        }
        throw notFound("Could not find " + what.get() + ".");
    }

    private static String castOf(Segment segment, ResourcePath path) {
        String name = segment.name();
        if (!name.startsWith(DefinitionJson.NAMESPACE) || segment.hasKey() || path.last() != segment) {
            throw Errors.resourceNotFoundForSegment(segment.toString(), "0x80060888");
        }
        return name.substring(DefinitionJson.NAMESPACE.length());
    }

    private static void requireKey(Segment first, ResourcePath path) {
        if (!first.hasKey()) {
            throw Errors.resourceNotFoundForSegment(path.get(1).toString(), "0x80060888");
        }
    }

    private static String selection(RequestContext context) {
        List<String> select = context.query().select();
        return select == null ? "" : "(" + String.join(",", select) + ")";
    }

    private static DataverseException notFound(String message) {
        return new DataverseException(404, "0x80040217", message);
    }
}

package dev.dataversebdd.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.Connection;
import dev.dataversebdd.wire.EditDistance;
import dev.dataversebdd.wire.Endpoint;
import dev.dataversebdd.wire.ErrorBody;
import dev.dataversebdd.wire.HttpChannel;
import dev.dataversebdd.wire.RetryDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Captures an org's metadata into a folder the emulator loads ({@code --metadata-dir}): its {@code $metadata} CSDL,
 * then what CSDL lacks from the documented definition endpoints (D23): {@code EntityDefinitions} (primary id and
 * name, ownership, object type code, entity set, columns with the options of choice columns, alternate keys) and
 * {@code RelationshipDefinitions} ({@code CascadeConfiguration} of one-to-many relationships, D24, and the
 * intersect tables of many-to-many ones), for chosen tables and the tables they relate to, with provenance.
 * Read-only: every request is a GET, through the live run's channel (its allow-listed origin, token and retries on
 * 429/503 as the live runner handles them).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class MetadataCapture {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ENTITY_SELECT = "MetadataId,LogicalName,SchemaName,EntitySetName,PrimaryIdAttribute,"
            + "PrimaryNameAttribute,OwnershipType,ObjectTypeCode,IsActivity,IsCustomEntity";
    private static final String ONE_TO_MANY_SELECT = "MetadataId,SchemaName,IsCustomRelationship,ReferencedEntity,"
            + "ReferencedAttribute,ReferencingEntity,ReferencingAttribute,ReferencedEntityNavigationPropertyName,"
            + "ReferencingEntityNavigationPropertyName,CascadeConfiguration";
    private static final String MANY_TO_MANY_SELECT = "MetadataId,SchemaName,IsCustomRelationship,Entity1LogicalName,"
            + "Entity2LogicalName,Entity1IntersectAttribute,Entity2IntersectAttribute,Entity1NavigationPropertyName,"
            + "Entity2NavigationPropertyName,IntersectEntityName";
    /** The column types whose options give formatted values. */
    private static final List<String> CHOICE_CASTS = List.of("PicklistAttributeMetadata", "StateAttributeMetadata",
            "StatusAttributeMetadata", "MultiSelectPicklistAttributeMetadata");

    /** What a capture wrote. */
    public record Result(Path folder, List<String> tables, int relationships, int requests) {
    }

    private final HttpChannel channel;
    private final String serviceRoot;
    private int requests;

    private MetadataCapture(Target target) {
        RetryPolicy retries = target.retryPolicy();
        this.channel = new Connection(new Endpoint(target.serviceRoot(), target.description(), target::requestHeaders,
                new RetryDecision(retries.maxRetries(), retries.firstBackoff(), retries.maxWait()))).channel(exchange -> { });
        this.serviceRoot = target.serviceRoot();
    }

    /**
     * Captures {@code target}'s metadata into {@code folder}: the {@code chosen} tables and the tables their
     * relationships reach (all tables when {@code chosen} is empty).
     */
    public static Result pull(Target target, Path folder, List<String> chosen, Clock clock) {
        return new MetadataCapture(target).capture(folder, chosen, clock);
    }

    private Result capture(Path folder, List<String> chosen, Clock clock) {
        byte[] csdl = getBytes("$metadata");
        Set<String> known = new TreeSet<>();
        for (JsonNode entity : getJson("EntityDefinitions?$select=LogicalName").path("value")) {
            known.add(entity.path("LogicalName").asText());
        }
        for (String table : chosen) {
            if (!known.contains(table)) {
                throw new IllegalArgumentException("--tables names '" + table + "', which the org does not have"
                        + EditDistance.didYouMean(table, known));
            }
        }
        Map<String, JsonNode> relationships = new LinkedHashMap<>();
        Set<String> tables = new LinkedHashSet<>(chosen.isEmpty() ? known : chosen);
        for (String table : chosen.isEmpty() ? known : chosen) {
            for (JsonNode relationship : relationshipsOf(table)) {
                relationships.putIfAbsent(relationship.path("SchemaName").asText(), relationship);
                tables.addAll(ends(relationship));
            }
        }
        ArrayNode entities = JsonNodeFactory.instance.arrayNode();
        for (String table : tables) {
            entities.add(entity(table));
            if (!chosen.isEmpty() && !chosen.contains(table)) {
                for (JsonNode relationship : relationshipsOf(table)) { // links among the related tables themselves
                    if (tables.containsAll(ends(relationship))) {
                        relationships.putIfAbsent(relationship.path("SchemaName").asText(), relationship);
                    }
                }
            }
        }
        ArrayNode relationshipArray = JsonNodeFactory.instance.arrayNode();
        relationships.values().forEach(relationshipArray::add);
        byte[] document = chosen.isEmpty() ? csdl : CsdlTrim.keep(csdl, tables); // the files stay small
        write(folder, document, entities, relationshipArray, provenance(chosen, tables, clock));
        return new Result(folder, List.copyOf(tables), relationships.size(), requests);
    }

    /** A table's one-to-many, many-to-one and many-to-many relationships, each typed as the base set types them. */
    private List<JsonNode> relationshipsOf(String table) {
        List<JsonNode> all = new ArrayList<>();
        String entity = "EntityDefinitions(LogicalName='" + table + "')/";
        for (String kind : List.of("OneToManyRelationships", "ManyToOneRelationships")) {
            for (JsonNode relationship : getJson(entity + kind + "?$select=" + ONE_TO_MANY_SELECT).path("value")) {
                all.add(typed(relationship, "OneToManyRelationshipMetadata"));
            }
        }
        for (JsonNode relationship : getJson(entity + "ManyToManyRelationships?$select=" + MANY_TO_MANY_SELECT).path("value")) {
            all.add(typed(relationship, "ManyToManyRelationshipMetadata"));
        }
        return all;
    }

    private static ObjectNode typed(JsonNode relationship, String type) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("@odata.type", "#Microsoft.Dynamics.CRM." + type);
        relationship.properties().forEach(e -> {
            if (!e.getKey().startsWith("@odata.")) {
                json.set(e.getKey(), e.getValue());
            }
        });
        return json;
    }

    private static List<String> ends(JsonNode relationship) {
        List<String> ends = new ArrayList<>();
        for (String end : List.of("ReferencedEntity", "ReferencingEntity", "Entity1LogicalName", "Entity2LogicalName")) {
            if (relationship.path(end).isTextual()) {
                ends.add(relationship.path(end).asText());
            }
        }
        return ends;
    }

    /** The table's definition with its columns (types, and the options of choice columns) and alternate keys. */
    private ObjectNode entity(String table) {
        String entity = "EntityDefinitions(LogicalName='" + table + "')";
        ObjectNode json = (ObjectNode) getJson(entity + "?$select=" + ENTITY_SELECT
                + "&$expand=Attributes($select=LogicalName,AttributeType),Keys($select=LogicalName,KeyAttributes)");
        json.remove("@odata.context");
        Map<String, ObjectNode> columns = new LinkedHashMap<>();
        for (JsonNode column : json.path("Attributes")) {
            ((ObjectNode) column).remove("@odata.type");
            columns.put(column.path("LogicalName").asText(), (ObjectNode) column);
        }
        for (String cast : CHOICE_CASTS) {
            JsonNode choices = getJson(entity + "/Attributes/Microsoft.Dynamics.CRM." + cast
                    + "?$select=LogicalName&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)");
            for (JsonNode choice : choices.path("value")) {
                ObjectNode column = columns.get(choice.path("LogicalName").asText());
                JsonNode options = choice.path("OptionSet").isObject() ? choice.path("OptionSet")
                        : choice.path("GlobalOptionSet");
                if (column != null && options.isObject()) {
                    column.putObject("OptionSet").set("Options", options.path("Options"));
                }
            }
        }
        return json;
    }

    private ObjectNode provenance(List<String> chosen, Set<String> tables, Clock clock) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("schema", "dataverse-bdd/metadata-capture");
        URI root = URI.create(serviceRoot);
        json.put("orgHostHash", hostHash(root.getHost()));
        json.put("apiVersion", serviceRoot.substring(serviceRoot.lastIndexOf('/') + 1));
        json.put("capturedAt", clock.instant().toString());
        ArrayNode asked = json.putArray("chosenTables");
        chosen.forEach(asked::add);
        ArrayNode all = json.putArray("tables");
        tables.forEach(all::add);
        json.put("requests", requests + 0);
        return json;
    }

    /** The org's host, hashed: a capture says which org it came from without naming it. */
    static String hostHash(String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(host.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void write(Path folder, byte[] csdl, ArrayNode entities, ArrayNode relationships, ObjectNode provenance) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("metadata.xml"), csdl);
            Files.write(folder.resolve("EntityDefinitions.json"), JSON.writeValueAsBytes(
                    JsonNodeFactory.instance.objectNode().set("value", entities)));
            Files.write(folder.resolve("RelationshipDefinitions.json"), JSON.writeValueAsBytes(
                    JsonNodeFactory.instance.objectNode().set("value", relationships)));
            Files.write(folder.resolve("provenance.json"), JSON.writeValueAsBytes(provenance));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the capture to " + folder + ": " + e.getMessage(), e);
        }
    }

    private byte[] getBytes(String path) {
        return get(path, "application/xml").responseBody().getBytes(StandardCharsets.UTF_8);
    }

    /** A GET, and the pages its {@code @odata.nextLink}s lead to, merged into one {@code value}. */
    private JsonNode getJson(String path) {
        JsonNode first = parse(get(path, "application/json"), path);
        JsonNode next = first.path("@odata.nextLink");
        while (next.isTextual() && first.path("value").isArray()) {
            JsonNode page = parse(get(next.asText(), "application/json"), next.asText());
            page.path("value").forEach(((ArrayNode) first.path("value"))::add);
            next = page.path("@odata.nextLink");
        }
        ((ObjectNode) first).remove("@odata.nextLink");
        return first;
    }

    private RecordedExchange get(String path, String accept) {
        requests++;
        RecordedExchange exchange = channel.fetch("GET", encode(path), Map.of("Accept", accept), null);
        if (exchange.status() != 200) {
            String error = ErrorBody.parse(exchange.responseBody()).map(e -> e.code() + " " + e.message())
                    .orElse(exchange.statusLine());
            throw new IllegalStateException("metadata pull: GET " + exchange.target() + " answered " + exchange.status()
                    + ": " + error + (exchange.status() == 401 || exchange.status() == 403
                    ? " (the live-run credentials must be able to read table definitions)" : ""));
        }
        return exchange;
    }

    private static JsonNode parse(RecordedExchange exchange, String path) {
        try {
            return JSON.readTree(exchange.responseBody());
        } catch (IOException e) {
            throw new IllegalStateException("metadata pull: GET " + path + " did not answer JSON: " + e.getMessage(), e);
        }
    }

    /** Spaces and quotes as a URL carries them; the OData punctuation ($ ( ) ' = ,) as clients send it. */
    private static String encode(String path) {
        if (path.startsWith("http")) {
            return path;
        }
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            encoded.append(c == ' ' ? "%20" : c == '\'' || Character.isLetterOrDigit(c) || "$()=,;/?&._-:".indexOf(c) >= 0
                    ? String.valueOf(c) : URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}

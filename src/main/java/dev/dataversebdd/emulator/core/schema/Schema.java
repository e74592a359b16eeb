package dev.dataversebdd.emulator.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The emulator's view of an org's tables and relationships, read from a CSDL {@code $metadata} document and, when
 * there is one, a capture of the org's table and relationship definitions ({@link #fromFolder}).
 * Immutable; the original document is kept to serve {@code GET $metadata} byte for byte.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Schema {

    private static final String DEFAULT_METADATA = "/dev/dataversebdd/emulator/metadata.xml";
    private static final String DEFAULT_DEFINITIONS = "/dev/dataversebdd/emulator/definitions.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The files of a captured folder, as {@code metadata pull} writes them. */
    public static final String CSDL_FILE = "metadata.xml";
    public static final String ENTITY_DEFINITIONS_FILE = "EntityDefinitions.json";
    public static final String RELATIONSHIP_DEFINITIONS_FILE = "RelationshipDefinitions.json";
    public static final String PROVENANCE_FILE = "provenance.json";

    private final Map<String, EntityType> byLogicalName;
    private final Map<String, EntityType> byEntitySet;
    private final List<EntityType> types;
    private final byte[] document;
    private final Definitions definitions;
    private final List<String> notes;

    Schema(Collection<EntityType> types, byte[] document) {
        this(types, document, null, List.of());
    }

    private Schema(Collection<EntityType> types, byte[] document, Definitions definitions, List<String> notes) {
        this.byLogicalName = new HashMap<>();
        this.byEntitySet = new HashMap<>();
        this.types = List.copyOf(types);
        for (EntityType type : types) {
            byLogicalName.put(type.logicalName(), type);
            if (type.entitySetName() != null) {
                byEntitySet.put(type.entitySetName(), type);
            }
        }
        this.document = document;
        this.definitions = definitions != null ? definitions : DefinitionsReader.read(types, null, null);
        this.notes = List.copyOf(notes);
    }

    /** The schema shipped with the emulator: account, contact, opportunity, competitor, email, task, ... */
    public static Schema standard() {
        Schema csdl = builtInCsdl();
        JsonNode definitions = readJson(resource(DEFAULT_DEFINITIONS), "the emulator's built-in definitions");
        return new Schema(csdl.types, csdl.document, DefinitionsReader.read(csdl.types,
                definitions.path("EntityDefinitions"), definitions.path("RelationshipDefinitions")), List.of());
    }

    /** The built-in CSDL alone: what {@link SystemDefaults} compares an org's relationships with. */
    static Schema builtInCsdl() {
        return CsdlSchemaReader.read(resource(DEFAULT_METADATA));
    }

    /**
     * A schema from an org's own {@code $metadata} file. Such a file carries no cascade configuration, so Dataverse's
     * documented defaults for system relationships are applied to it, and {@link #notes()} says which, and what a
     * {@code $metadata} file cannot tell. A file that declares {@code OnDelete} itself is taken as it is.
     */
    public static Schema fromFile(Path csdl) {
        Schema read = CsdlSchemaReader.read(readBytes(csdl, "metadata file"));
        if (read.types.stream().anyMatch(Schema::declaresCascade)) {
            return read;
        }
        SystemDefaults.Applied applied = SystemDefaults.find(read.types, Set.of());
        List<EntityType> types = withDeleteActions(read.types, applied.actions());
        return new Schema(types, read.document, null, List.of("metadata " + csdl.getFileName() + ": a $metadata "
                + "document carries no cascade configuration, so Dataverse's documented defaults for system relationships "
                + "were applied: " + describe(applied.names()) + " delete their rows with the parent; every other "
                + "relationship removes the link. Not known from $metadata alone: the cascade of other relationships, "
                + "primary name columns, ownership, option-set labels and many-to-many intersect tables. Capture the org "
                + "with 'metadata pull' and load the folder (--metadata-dir) to have them."));
    }

    /**
     * A schema from a folder {@code metadata pull} wrote: the org's {@code $metadata} ({@value #CSDL_FILE}) with its
     * {@value #ENTITY_DEFINITIONS_FILE} and {@value #RELATIONSHIP_DEFINITIONS_FILE}: cascade, primary names,
     * ownership, option-set labels and intersect tables come from the definitions.
     */
    public static Schema fromFolder(Path folder) {
        Path csdl = folder.resolve(CSDL_FILE);
        if (!Files.isReadable(csdl)) {
            throw new IllegalArgumentException("metadata folder " + folder + " has no readable " + CSDL_FILE
                    + " (write one with: metadata pull --url <org> --out " + folder + ")");
        }
        Schema read = CsdlSchemaReader.read(readBytes(csdl, "metadata file"));
        JsonNode entities = optionalJson(folder.resolve(ENTITY_DEFINITIONS_FILE));
        JsonNode relationships = optionalJson(folder.resolve(RELATIONSHIP_DEFINITIONS_FILE));
        Definitions definitions = DefinitionsReader.read(read.types, entities, relationships);
        Map<String, Map<String, NavigationProperty.DeleteAction>> captured = capturedDeleteActions(read.types, definitions);
        List<EntityType> types = withDeleteActions(withCapturedKeys(read.types, definitions), captured);
        Set<String> known = new java.util.HashSet<>();
        captured.values().forEach(m -> known.addAll(m.keySet()));
        SystemDefaults.Applied applied = SystemDefaults.find(types, known);
        types = withDeleteActions(types, applied.actions());
        List<String> notes = new ArrayList<>();
        notes.add("metadata " + folder.getFileName() + ": " + provenance(folder) + "; cascade of " + known.size()
                + " relationships, primary names, ownership and option-set labels from the captured definitions.");
        if (!applied.names().isEmpty()) {
            notes.add("metadata " + folder.getFileName() + ": relationships outside the capture take Dataverse's documented "
                    + "defaults: " + describe(applied.names()) + " delete their rows with the parent; the others remove the link.");
        }
        return new Schema(types, read.document, definitions, notes);
    }

    /** What loading said once, at start-up: defaults applied and what could not be known. Empty for the built-in schema. */
    public List<String> notes() {
        return notes;
    }

    Definitions definitions() {
        return definitions;
    }

    /** The definition of a table of this schema (captured, shipped or worked out from CSDL). */
    TableDefinition table(String logicalName) {
        return definitions.table(logicalName).orElseGet(() -> Definitions.derived(type(logicalName)));
    }

    /** Every table, in the order of the document. */
    List<EntityType> types() {
        return types;
    }

    public Optional<EntityType> byEntitySet(String entitySetName) {
        return Optional.ofNullable(byEntitySet.get(entitySetName));
    }

    public Optional<EntityType> byLogicalName(String logicalName) {
        return Optional.ofNullable(byLogicalName.get(logicalName));
    }

    public EntityType type(String logicalName) {
        EntityType type = byLogicalName.get(logicalName);
        if (type == null) {
            throw new IllegalArgumentException("no entity type '" + logicalName + "' in the schema");
        }
        return type;
    }

    public List<String> entitySetNames() {
        return byEntitySet.keySet().stream().sorted().toList();
    }

    public byte[] document() {
        return document.clone();
    }

    private static boolean declaresCascade(EntityType type) {
        return type.navigations().values().stream().anyMatch(n -> n.onDelete() == NavigationProperty.DeleteAction.CASCADE);
    }

    private static Map<String, Map<String, NavigationProperty.DeleteAction>> capturedDeleteActions(
            List<EntityType> types, Definitions definitions) {
        Map<String, Map<String, NavigationProperty.DeleteAction>> actions = new LinkedHashMap<>();
        for (EntityType type : types) {
            for (NavigationProperty nav : type.navigations().values()) {
                if (nav.kind() != NavigationProperty.Kind.ONE_TO_MANY) {
                    continue;
                }
                definitions.relationship(nav.name()).map(d -> d.cascade().get("Delete")).ifPresent(delete ->
                        actions.computeIfAbsent(type.logicalName(), k -> new LinkedHashMap<>()).put(nav.name(),
                                "Cascade".equals(delete) ? NavigationProperty.DeleteAction.CASCADE
                                        : NavigationProperty.DeleteAction.REMOVE_LINK));
            }
        }
        return actions;
    }

    /** Alternate keys the captured definitions name and the CSDL does not declare, on columns the CSDL has. */
    private static List<EntityType> withCapturedKeys(List<EntityType> types, Definitions definitions) {
        List<EntityType> result = new ArrayList<>(types.size());
        for (EntityType type : types) {
            List<List<String>> keys = new ArrayList<>(type.alternateKeys());
            definitions.table(type.logicalName()).ifPresent(table -> table.keys().values().stream()
                    .filter(key -> key.stream().allMatch(type::hasProperty) && !keys.contains(key)).forEach(keys::add));
            result.add(keys.size() == type.alternateKeys().size() ? type : new EntityType(type.logicalName(),
                    type.entitySetName(), type.primaryKey(), type.properties(), type.navigations(), keys, type.maxLengths()));
        }
        return result;
    }

    private static List<EntityType> withDeleteActions(List<EntityType> types,
                                                      Map<String, Map<String, NavigationProperty.DeleteAction>> actions) {
        List<EntityType> result = new ArrayList<>(types.size());
        for (EntityType type : types) {
            Map<String, NavigationProperty.DeleteAction> changes = actions.get(type.logicalName());
            if (changes == null) {
                result.add(type);
                continue;
            }
            Map<String, NavigationProperty> navigations = new LinkedHashMap<>(type.navigations());
            changes.forEach((name, action) -> navigations.computeIfPresent(name, (k, n) -> new NavigationProperty(
                    n.name(), n.kind(), n.targetType(), n.partner(), n.lookupProperty(), action)));
            result.add(new EntityType(type.logicalName(), type.entitySetName(), type.primaryKey(), type.properties(),
                    navigations, type.alternateKeys(), type.maxLengths()));
        }
        return result;
    }

    private static String describe(List<String> names) {
        if (names.isEmpty()) {
            return "no relationship of this document (it has no system relationship the defaults name)";
        }
        List<String> shown = names.size() > 12 ? names.subList(0, 12) : names;
        return names.size() + " relationship" + (names.size() == 1 ? "" : "s") + " (" + String.join(", ", shown)
                + (names.size() > shown.size() ? ", ..." : "") + ")";
    }

    private static String provenance(Path folder) {
        JsonNode provenance = optionalJson(folder.resolve(PROVENANCE_FILE));
        if (provenance == null) {
            return "captured definitions (no " + PROVENANCE_FILE + ")";
        }
        return "captured from org " + provenance.path("orgHostHash").asText("?") + " (API "
                + provenance.path("apiVersion").asText("?") + ", " + provenance.path("capturedAt").asText("?") + ")";
    }

    private static JsonNode optionalJson(Path file) {
        return Files.isReadable(file) ? readJson(readBytes(file, "definitions file"), file.toString()) : null;
    }

    private static JsonNode readJson(byte[] bytes, String what) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Schema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the emulator's resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's built-in " + name, e);
        }
    }
}

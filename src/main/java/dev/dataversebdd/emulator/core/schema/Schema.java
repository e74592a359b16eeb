package dev.dataversebdd.emulator.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The emulator's view of an org's tables and relationships, read from a CSDL {@code $metadata} document.
 * Immutable; the original document is kept to serve {@code GET $metadata} byte for byte.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Schema {

    private static final String DEFAULT_METADATA = "/dev/dataversebdd/emulator/metadata.xml";

    private final Map<String, EntityType> byLogicalName;
    private final Map<String, EntityType> byEntitySet;
    private final byte[] document;

    Schema(Collection<EntityType> types, byte[] document) {
        this.byLogicalName = new HashMap<>();
        this.byEntitySet = new HashMap<>();
        for (EntityType type : types) {
            byLogicalName.put(type.logicalName(), type);
            if (type.entitySetName() != null) {
                byEntitySet.put(type.entitySetName(), type);
            }
        }
        this.document = document;
    }

    /** The schema shipped with the emulator: account, contact, opportunity, competitor, email, task, ... */
    public static Schema standard() {
        try (InputStream in = Schema.class.getResourceAsStream(DEFAULT_METADATA)) {
            return CsdlSchemaReader.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's built-in metadata", e);
        }
    }

    /** A schema from an org's own {@code $metadata} file. */
    public static Schema fromFile(Path csdl) {
        try {
            return CsdlSchemaReader.read(Files.readAllBytes(csdl));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata file " + csdl + ": " + e.getMessage(), e);
        }
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
}

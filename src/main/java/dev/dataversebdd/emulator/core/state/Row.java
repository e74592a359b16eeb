package dev.dataversebdd.emulator.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * One stored row. Structural values live in {@link #attributes()}; links live apart in {@link #lookups()}
 * (lookup property to target), so that a multi-table lookup remembers which table it points to.
 * Only {@link Store} mutates a row, so that every change is indexed and can be undone.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Row {

    private final String logicalName;
    private final UUID id;
    final ObjectNode attributes;
    final Map<String, EntityRef> lookups;
    long version;

    Row(String logicalName, UUID id, ObjectNode attributes, long version) {
        this.logicalName = logicalName;
        this.id = id;
        this.attributes = attributes;
        this.lookups = new HashMap<>(4);
        this.version = version;
    }

    public String logicalName() {
        return logicalName;
    }

    public UUID id() {
        return id;
    }

    public EntityRef ref() {
        return new EntityRef(logicalName, id);
    }

    /** Read-only view; change values through {@link Store#setAttribute}. */
    public ObjectNode attributes() {
        return attributes.deepCopy();
    }

    public JsonNode attribute(String name) {
        return attributes.get(name);
    }

    public Map<String, EntityRef> lookups() {
        return Collections.unmodifiableMap(lookups);
    }

    public EntityRef lookup(String lookupProperty) {
        return lookups.get(lookupProperty);
    }

    /** Dataverse's row version; the ETag is {@code W/"version"}. */
    public long version() {
        return version;
    }

    public String etag() {
        return "W/\"" + version + "\"";
    }

    Row copy() {
        Row copy = new Row(logicalName, id, attributes.deepCopy(), version);
        copy.lookups.putAll(lookups);
        return copy;
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import dev.dataversebdd.emulator.core.uri.EntityUrl;
import dev.dataversebdd.emulator.core.uri.KeyPredicate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Finds entity sets and rows from what requests name: a set name, a key predicate (primary, named primary or
 * alternate key) or an entity reference URL. Every miss is the Dataverse error for it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RowLocator {

    private final Schema schema;
    private final Store store;

    public RowLocator(Schema schema, Store store) {
        this.schema = schema;
        this.store = store;
    }

    public EntityType entitySet(String name, BehaviourProfile profile) {
        return schema.byEntitySet(name).orElseThrow(() -> Errors.resourceNotFoundForSegment(name,
                profile.mode(Behaviour.UNKNOWN_SEGMENT_CODE)));
    }

    /** The row a key predicate names; 404 when it does not exist. */
    public Row find(EntityType type, KeyPredicate key) {
        return findOrNull(type, key, true);
    }

    /** The row a key predicate names, or null when there is none (an upsert's create). */
    public Row findIfExists(EntityType type, KeyPredicate key) {
        return findOrNull(type, key, false);
    }

    /** The primary key a predicate names, for upserts of rows that may not exist yet; null for alternate keys. */
    public UUID primaryKey(EntityType type, KeyPredicate key) {
        Object value = key.isBare() ? key.bareValue() : key.named().get(type.primaryKey());
        if (key.isBare() || (key.named().size() == 1 && value != null)) {
            if (!(value instanceof UUID id)) {
                throw Errors.badRequestUri("The key value '" + key.raw() + "' is not a GUID.");
            }
            return id;
        }
        return null;
    }

    private Row findOrNull(EntityType type, KeyPredicate key, boolean required) {
        if (key.isBare() || key.named().keySet().equals(Set.of(type.primaryKey()))) {
            UUID id = primaryKey(type, key);
            Row row = store.find(type.logicalName(), id).orElse(null);
            if (row == null && required) {
                throw Errors.rowNotFound(type.logicalName(), id);
            }
            return row;
        }
        List<String> alternateKey = type.alternateKeys().stream()
                .filter(k -> Set.copyOf(k).equals(key.named().keySet())).findFirst()
                .orElseThrow(() -> Errors.invalidKey(type.qualifiedName()));
        for (Row row : store.rows(type.logicalName())) {
            if (alternateKey.stream().allMatch(name -> matches(row, name, key.named().get(name)))) {
                return row;
            }
        }
        if (required) {
            throw Errors.rowNotFoundByKey(type.logicalName());
        }
        return null;
    }

    /**
     * Refuses a row whose values for one of its table's alternate keys are those of another row (D12: alternate key
     * values are unique). Keys with an empty value are not checked.
     */
    void requireUniqueAlternateKeys(EntityType type, Row row) {
        for (List<String> key : type.alternateKeys()) {
            List<Object> values = key.stream().map(name -> keyValue(row, name)).toList();
            if (values.contains(null)) {
                continue;
            }
            for (Row other : store.rows(type.logicalName())) {
                if (!other.id().equals(row.id()) && key.stream().map(name -> keyValue(other, name)).toList().equals(values)) {
                    throw Errors.duplicateAlternateKey(type.logicalName(), key);
                }
            }
        }
    }

    private static Object keyValue(Row row, String property) {
        if (property.startsWith("_") && property.endsWith("_value")) {
            return row.lookup(property) == null ? null : row.lookup(property).id();
        }
        JsonNode value = row.attribute(property);
        return value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue().stripTrailingZeros()
                : value.asText();
    }

    private static boolean matches(Row row, String property, Object expected) {
        if (property.startsWith("_") && property.endsWith("_value")) {
            return row.lookup(property) != null && row.lookup(property).id().equals(expected);
        }
        JsonNode actual = row.attribute(property);
        if (actual == null || actual.isNull()) {
            return expected == null;
        }
        if (expected instanceof BigDecimal number) {
            return actual.isNumber() && actual.decimalValue().compareTo(number) == 0;
        }
        return actual.asText().equals(String.valueOf(expected));
    }

    /**
     * The row an entity reference names. {@code strictAbsolute} applies the relative-{@code @odata.id} behaviour
     * ({@code @odata.id} and {@code $id}); {@code @odata.bind} accepts relative forms as documented.
     */
    public Row resolve(String reference, boolean strictAbsolute, BehaviourProfile profile) {
        EntityUrl url = EntityUrl.parse(reference);
        if (url.relative() && strictAbsolute && profile.is(Behaviour.RELATIVE_ODATA_ID, "reject")) {
            throw Errors.notUnderServiceRoot(reference);
        }
        return find(entitySet(url.entitySet(), profile), url.key());
    }

    public EntityType typeOf(Row row) {
        return schema.type(row.logicalName());
    }

    public Schema schema() {
        return schema;
    }

    public Store store() {
        return store;
    }

    /** The entity-set name used in URLs that name {@code row}. */
    public String entitySetOf(String logicalName) {
        return schema.type(logicalName).entitySetName();
    }

}

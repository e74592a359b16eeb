package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import java.util.Locale;

/**
 * FetchXML names columns by their logical names; the Web API names a lookup {@code _x_value}. These helpers map one
 * to the other and read a column as JSON (for the answer) or as a comparable value (for joins, order, aggregates).
 */
final class ColumnValues {

    private ColumnValues() {
    }

    /** The Web API property of the logical column {@code name}, or the 400 for a column the table does not have. */
    static String property(EntityType type, String name) {
        if (name.equals(type.primaryKey()) || type.hasProperty(name) && !type.isLookupProperty(name)) {
            return name;
        }
        String lookup = "_" + name + "_value";
        if (type.hasProperty(lookup)) {
            return lookup;
        }
        throw FetchErrors.noAttribute(type.logicalName(), name);
    }

    /** The column as the answer shows it, or null when it is empty (FetchXML leaves empty columns out). */
    static JsonNode json(EntityType type, Row row, String property) {
        if (property.equals(type.primaryKey())) {
            return JsonNodeFactory.instance.textNode(row.id().toString());
        }
        if (type.isLookupProperty(property)) {
            EntityRef ref = row.lookup(property);
            return ref == null ? null : JsonNodeFactory.instance.textNode(ref.id().toString());
        }
        if (property.equals("versionnumber")) {
            return JsonNodeFactory.instance.numberNode(row.version());
        }
        JsonNode value = row.attribute(property);
        return value == null || value.isNull() ? null : value;
    }

    /** The column as a value to compare: UUID text lower-cased, numbers as BigDecimal, text, boolean, or null. */
    static Object value(EntityType type, Row row, String property) {
        JsonNode node = json(type, row, property);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** A join key: ids and text match without regard to case, numbers by value [INF]. */
    static Object key(EntityType type, Row row, String property) {
        Object value = value(type, row, property);
        if (value instanceof String text) {
            return text.toLowerCase(Locale.ROOT);
        }
        return value instanceof java.math.BigDecimal number ? number.stripTrailingZeros() : value;
    }
}

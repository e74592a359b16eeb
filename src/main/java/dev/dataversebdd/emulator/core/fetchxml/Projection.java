package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Attribute;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Columns;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a result row as the Web API does for FetchXML (F1, F2): the entity's columns under their Web API names
 * (a lookup as {@code _x_value}) or their alias, its primary key always, a link-entity's columns as
 * {@code alias.column}, and no property at all for an empty column ("Unlike queries using OData syntax, FetchXML
 * queries don't return properties with null values"). No attribute element on the entity means every column, as
 * "Select columns using FetchXml" warns; on a link-entity, none [INF].
 */
final class Projection {

    private record Column(String key, EntityType type, String property, String output) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final EntityType main;

    Projection(FetchQuery.Entity entity, EntityType main, List<Joined> plan) {
        this.main = main;
        add(null, main, entity.columns(), true, null);
        for (Joined joined : plan) {
            add(joined.key(), joined.type(), joined.link().columns(), false, joined.key());
        }
    }

    private void add(String key, EntityType type, Columns list, boolean entity, String prefix) {
        if (list.all() || entity && list.none()) {
            for (String property : type.properties().keySet()) {
                columns.add(new Column(key, type, property, prefix == null ? property : prefix + "." + logical(property)));
            }
            return;
        }
        for (Attribute attribute : list.attributes()) {
            if (attribute.aggregate() != null || attribute.groupBy()) {
                throw FetchErrors.invalid("the attribute '" + attribute.name() + "' aggregates or groups, but the fetch "
                        + "element does not set aggregate='true'.");
            }
            String property = ColumnValues.property(type, attribute.name());
            String output = attribute.alias() != null ? attribute.alias()
                    : prefix == null ? property : prefix + "." + attribute.name();
            columns.add(new Column(key, type, property, output));
        }
    }

    private static String logical(String property) {
        return property.startsWith("_") && property.endsWith("_value")
                ? property.substring(1, property.length() - "_value".length()) : property;
    }

    /** The row; {@code distinct} leaves out the etag and the primary key, which would make every row unique. */
    /** With {@code annotations} (or null), a lookup also carries the annotations the {@code Prefer} header asks for. */
    ObjectNode render(Tuple tuple, boolean distinct, LookupAnnotations annotations) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (!distinct) {
            json.put("@odata.etag", tuple.main().etag());
        }
        for (Column column : columns) {
            Row row = tuple.row(column.key());
            JsonNode value = row == null ? null : ColumnValues.json(column.type(), row, column.property());
            if (value != null) {
                if (annotations != null && column.type().isLookupProperty(column.property())) {
                    annotations.write(json, column.output(), row.lookup(column.property()));
                }
                json.set(column.output(), value);
            }
        }
        if (!distinct) {
            json.put(main.primaryKey(), tuple.main().id().toString());
        }
        return json;
    }
}

package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Attribute;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Columns;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aggregate='true'} ("Aggregate data using FetchXml", F6): every attribute has an alias and either an aggregate
 * function or {@code groupby='true'}; null values are not counted by {@code countcolumn} and not summed, averaged or
 * compared; {@code count} counts rows. One result row per group (one in all without {@code groupby}), carrying only
 * the aliases, and no alias whose value is empty. The average of whole-number columns is a whole number, as the
 * page's example shows; date grouping reads the UTC date [INF: Dataverse uses the user's time zone by default].
 */
final class Aggregator {

    private static final Set<String> FUNCTIONS = Set.of("count", "countcolumn", "sum", "avg", "min", "max");

    private record Column(String key, EntityType type, String property, Attribute attribute) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final FetchSemantics semantics;

    Aggregator(FetchQuery.Entity entity, EntityType main, List<Joined> plan, FetchSemantics semantics) {
        this.semantics = semantics;
        add(null, main, entity.columns());
        for (Joined joined : plan) {
            add(joined.key(), joined.type(), joined.link().columns());
        }
        if (columns.isEmpty()) {
            throw FetchErrors.invalid("an aggregate query needs at least one attribute with an aggregate function.");
        }
    }

    private void add(String key, EntityType type, Columns list) {
        if (list.all()) {
            throw FetchErrors.invalid("all-attributes cannot be used in an aggregate query.");
        }
        for (Attribute attribute : list.attributes()) {
            if (attribute.alias() == null) {
                throw FetchErrors.invalid("the attribute '" + attribute.name() + "' of an aggregate query needs an alias.");
            }
            if (attribute.aggregate() == null && !attribute.groupBy()) {
                throw FetchErrors.invalid("the attribute '" + attribute.name() + "' of an aggregate query needs an "
                        + "aggregate function or groupby='true'.");
            }
            if (attribute.aggregate() != null && !FUNCTIONS.contains(attribute.aggregate())) {
                throw FetchErrors.gap("aggregate function '" + attribute.aggregate() + "'");
            }
            if (attribute.dateGrouping() != null && !DateParts.MODELLED.contains(attribute.dateGrouping())) {
                throw FetchErrors.gap("dategrouping '" + attribute.dateGrouping() + "'");
            }
            columns.add(new Column(key, type, ColumnValues.property(type, attribute.name()), attribute));
        }
    }

    List<ObjectNode> aggregate(List<Tuple> tuples) {
        Map<List<Object>, List<Tuple>> groups = new LinkedHashMap<>();
        for (Tuple tuple : tuples) {
            List<Object> key = new ArrayList<>();
            for (Column column : columns) {
                if (column.attribute().groupBy()) {
                    key.add(groupValue(column, tuple));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(tuple);
        }
        if (groups.isEmpty() && columns.stream().noneMatch(c -> c.attribute().groupBy())) {
            groups.put(List.of(), List.of()); // no groups: one answer, counts of zero
        }
        List<ObjectNode> result = new ArrayList<>();
        for (List<Tuple> group : groups.values()) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            for (Column column : columns) {
                JsonNode value = column.attribute().groupBy() ? groupJson(column, group.get(0)) : function(column, group);
                if (value != null) {
                    json.set(column.attribute().alias(), value);
                }
            }
            result.add(json);
        }
        return result;
    }

    private static Object groupValue(Column column, Tuple tuple) {
        JsonNode json = groupJson(column, tuple);
        return json == null ? null : json.isNumber() ? json.decimalValue().stripTrailingZeros() : json.asText();
    }

    private static JsonNode groupJson(Column column, Tuple tuple) {
        Row row = tuple.row(column.key());
        JsonNode value = row == null ? null : ColumnValues.json(column.type(), row, column.property());
        if (value == null || column.attribute().dateGrouping() == null) {
            return value;
        }
        return DateParts.of(column.attribute().dateGrouping(), value.asText());
    }

    private JsonNode function(Column column, List<Tuple> group) {
        String function = column.attribute().aggregate();
        if (function.equals("count")) {
            return JsonNodeFactory.instance.numberNode(group.size());
        }
        List<JsonNode> values = new ArrayList<>();
        for (Tuple tuple : group) {
            Row row = tuple.row(column.key());
            JsonNode value = row == null ? null : ColumnValues.json(column.type(), row, column.property());
            if (value != null) {
                values.add(value);
            }
        }
        if (function.equals("countcolumn")) {
            if (!column.attribute().distinct()) {
                return JsonNodeFactory.instance.numberNode(values.size());
            }
            Set<Object> distinct = new HashSet<>();
            values.forEach(v -> distinct.add(v.isNumber() ? v.decimalValue().stripTrailingZeros() : v.asText().toLowerCase(java.util.Locale.ROOT)));
            return JsonNodeFactory.instance.numberNode(distinct.size());
        }
        if (values.isEmpty()) {
            return null;
        }
        if (function.equals("min") || function.equals("max")) {
            JsonNode best = values.get(0);
            for (JsonNode value : values) {
                int order = semantics.compare(comparable(value), comparable(best));
                if (function.equals("min") ? order < 0 : order > 0) {
                    best = value;
                }
            }
            return best;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode value : values) {
            if (!value.isNumber()) {
                throw FetchErrors.invalid("the aggregate '" + function + "' needs a number column; '"
                        + column.attribute().name() + "' is not one.");
            }
            sum = sum.add(value.decimalValue());
        }
        boolean whole = column.type().propertyType(column.property()) != null
                && column.type().propertyType(column.property()).startsWith("Edm.Int");
        if (function.equals("sum")) {
            return whole ? JsonNodeFactory.instance.numberNode(sum.longValue()) : JsonNodeFactory.instance.numberNode(sum);
        }
        BigDecimal count = BigDecimal.valueOf(values.size());
        return whole ? JsonNodeFactory.instance.numberNode(sum.divide(count, 0, RoundingMode.DOWN).longValue())
                : JsonNodeFactory.instance.numberNode(sum.divide(count, 10, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    private static Object comparable(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : value.isBoolean() ? (Object) value.booleanValue() : value.asText();
    }
}

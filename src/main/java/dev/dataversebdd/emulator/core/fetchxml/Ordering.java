package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Order;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code <order>}: the entity's orders first, then each link-entity's, in document order [INF]; an empty column sorts
 * first ascending and last descending, as {@code $orderby} does. Aggregate queries order by alias.
 */
final class Ordering {

    private Ordering() {
    }

    private record Key(String link, EntityType type, String property, boolean descending) {
    }

    static Comparator<Tuple> rows(FetchQuery.Entity entity, EntityType main, List<Joined> plan,
                                  FetchSemantics semantics) {
        List<Key> keys = new ArrayList<>();
        add(keys, null, main, entity.orders());
        for (Joined joined : plan) {
            add(keys, joined.key(), joined.type(), joined.link().orders());
        }
        if (keys.isEmpty()) {
            return null;
        }
        return (a, b) -> {
            for (Key key : keys) {
                int order = compare(value(key, a), value(key, b), semantics);
                if (order != 0) {
                    return key.descending() ? -order : order;
                }
            }
            return 0;
        };
    }

    private static void add(List<Key> keys, String link, EntityType type, List<Order> orders) {
        for (Order order : orders) {
            if (order.attribute() == null) {
                throw FetchErrors.invalid("an order by alias ('" + order.alias() + "') needs aggregate='true'.");
            }
            keys.add(new Key(link, type, ColumnValues.property(type, order.attribute()), order.descending()));
        }
    }

    private static Object value(Key key, Tuple tuple) {
        Row row = tuple.row(key.link());
        return row == null ? null : ColumnValues.value(key.type(), row, key.property());
    }

    static Comparator<ObjectNode> aggregates(List<Order> orders, FetchSemantics semantics) {
        for (Order order : orders) {
            if (order.alias() == null) {
                throw FetchErrors.invalid("an aggregate query orders by alias, not by attribute ('" + order.attribute()
                        + "').");
            }
        }
        if (orders.isEmpty()) {
            return null;
        }
        return (a, b) -> {
            for (Order order : orders) {
                int result = compare(comparable(a.get(order.alias())), comparable(b.get(order.alias())), semantics);
                if (result != 0) {
                    return order.descending() ? -result : result;
                }
            }
            return 0;
        };
    }

    private static Object comparable(JsonNode node) {
        return node == null ? null : node.isNumber() ? node.decimalValue() : node.isBoolean() ? node.booleanValue()
                : node.asText();
    }

    private static int compare(Object left, Object right, FetchSemantics semantics) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        return semantics.compare(left, right);
    }
}

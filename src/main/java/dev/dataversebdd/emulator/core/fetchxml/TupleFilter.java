package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Condition;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Group;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Node;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FetchXML filter compiled once per query: each condition becomes a {@code $filter} on the row it tests (the
 * element's own, or the link-entity {@code entityname} names), and and/or combine the answers. A filter group has no
 * negation of its own, so a condition that is unknown may count as false at this level without changing which rows
 * are kept; negated operators keep SQL's unknown inside their condition ({@link Conditions}).
 */
final class TupleFilter {

    private sealed interface Compiled permits Leaf, Both {
    }

    private record Leaf(String key, EntityType type, Filter filter, boolean matchesEmptyRow) implements Compiled {
    }

    private record Both(boolean or, List<Compiled> children) implements Compiled {
    }

    private final Compiled root;
    private final FetchSemantics semantics;

    private TupleFilter(Compiled root, FetchSemantics semantics) {
        this.root = root;
        this.semantics = semantics;
    }

    /**
     * {@code group} of the element whose rows travel under {@code key} ({@code null}: the entity); {@code entityname}
     * is allowed where {@code linkedAllowed} (the entity's own filter, the documented place for it).
     */
    static TupleFilter compile(Group group, String key, EntityType type, Map<String, Joined> joins,
                               boolean linkedAllowed, FetchSemantics semantics) {
        return new TupleFilter(group == null ? null : compile(group, key, type, joins, linkedAllowed), semantics);
    }

    private static Compiled compile(Group group, String key, EntityType type, Map<String, Joined> joins,
                                    boolean linkedAllowed) {
        List<Compiled> children = new ArrayList<>();
        for (Node node : group.children()) {
            if (node instanceof Group nested) {
                children.add(compile(nested, key, type, joins, linkedAllowed));
                continue;
            }
            Condition condition = (Condition) node;
            String leafKey = key;
            EntityType leafType = type;
            if (condition.entityName() != null) {
                Joined joined = joins.get(condition.entityName());
                if (!linkedAllowed) {
                    throw FetchErrors.gap("condition 'entityname' inside a link-entity's filter");
                }
                if (joined == null) {
                    throw FetchErrors.invalid("the condition's entityname '" + condition.entityName()
                            + "' names no link-entity alias of this query.");
                }
                if (joined.exists()) {
                    throw FetchErrors.invalid("the condition's entityname '" + condition.entityName() + "' names a "
                            + "link-entity of link-type 'exists' or 'in', whose rows are not part of the result.");
                }
                leafKey = joined.key();
                leafType = joined.type();
            }
            children.add(new Leaf(leafKey, leafType, Conditions.leaf(leafType, condition),
                    condition.operator().equals("null")));
        }
        return new Both(group.or(), List.copyOf(children));
    }

    boolean isEmpty() {
        return root == null;
    }

    boolean test(Tuple tuple) {
        return root == null || test(root, tuple);
    }

    /** For a link-entity's own filter: the candidate row alone. */
    boolean test(String key, Row row) {
        return root == null || test(root, new Tuple(row, Map.of()).with(key, row));
    }

    private boolean test(Compiled compiled, Tuple tuple) {
        if (compiled instanceof Leaf leaf) {
            Row row = tuple.row(leaf.key());
            // an outer join without a match: every column of the missing row is empty
            return row == null ? leaf.matchesEmptyRow() : semantics.matches(leaf.type(), row, leaf.filter());
        }
        Both both = (Both) compiled;
        for (Compiled child : both.children()) {
            boolean result = test(child, tuple);
            if (result == both.or()) {
                return result;
            }
        }
        return !both.or() || both.children().isEmpty();
    }
}

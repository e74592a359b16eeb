package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Filter;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Decides whether a row satisfies a {@link Filter}. Logic is three-valued, as Dataverse's SQL is: comparing a null
 * column with a value is unknown, and "records aren't included if the expression evaluates to false or null" (Q3);
 * {@code eq null} and {@code ne null} ask whether a column is empty. Text compares without regard to case, as
 * Dataverse's default collation does [INF].
 */
final class FilterEvaluator {

    private final RowLocator rows;
    private final Linker linker;

    FilterEvaluator(RowLocator rows, Linker linker) {
        this.rows = rows;
        this.linker = linker;
    }

    boolean matches(EntityType type, Row row, Filter filter) {
        return Boolean.TRUE.equals(evaluate(filter, new Scope(type, row, Map.of())));
    }

    /** The row being filtered ({@code $it}) and the rows lambda variables stand for. */
    /** $orderby keys in turn; an empty column sorts first ascending and last descending, as SQL Server does [INF]. */
    static Comparator<Row> ordering(EntityType type, List<QueryOptions.OrderKey> keys) {
        for (QueryOptions.OrderKey key : keys) {
            if (!type.hasProperty(key.property())) {
                throw Errors.propertyNotFound(key.property(), type.qualifiedName());
            }
        }
        return (a, b) -> {
            for (QueryOptions.OrderKey key : keys) {
                Object left = column(type, a, key.property());
                Object right = column(type, b, key.property());
                int order = left == null ? (right == null ? 0 : -1) : right == null ? 1 : order(left, right);
                if (order != 0) {
                    return key.descending() ? -order : order;
                }
            }
            return 0;
        };
    }

    private record Scope(EntityType type, Row row, Map<String, Scope> variables) {

        Scope with(String variable, Scope bound) {
            Map<String, Scope> more = new HashMap<>(variables);
            more.put(variable, bound);
            return new Scope(type, row, more);
        }
    }

    private Boolean evaluate(Filter filter, Scope scope) {
        if (filter instanceof Filter.Or or) {
            return or(evaluate(or.left(), scope), evaluate(or.right(), scope));
        }
        if (filter instanceof Filter.And and) {
            return and(evaluate(and.left(), scope), evaluate(and.right(), scope));
        }
        if (filter instanceof Filter.Not not) {
            Boolean operand = evaluate(not.operand(), scope);
            return operand == null ? null : !operand;
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(compare, scope);
        }
        if (filter instanceof Filter.TextMatch match) {
            return textMatch(match, scope);
        }
        return lambda((Filter.Lambda) filter, scope);
    }

    private static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return true;
        }
        return left == null || right == null ? null : false;
    }

    private static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return false;
        }
        return left == null || right == null ? null : true;
    }

    private Boolean compare(Filter.Compare compare, Scope scope) {
        Object left = value(compare.left(), scope);
        Object right = value(compare.right(), scope);
        boolean nullLiteral = compare.right() instanceof Filter.Literal literal && literal.value() == null;
        if (nullLiteral && (compare.operator() == Filter.Operator.EQ || compare.operator() == Filter.Operator.NE)) {
            return (left == null) == (compare.operator() == Filter.Operator.EQ);
        }
        if (left == null || right == null) {
            return null;
        }
        int order = order(left, right);
        return compare.operator().holds(order);
    }

    static int order(Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return a.compareTo(b);
        }
        boolean leftText = isText(left);
        boolean rightText = isText(right);
        if (leftText && rightText) {
            return text(left).toLowerCase(Locale.ROOT).compareTo(text(right).toLowerCase(Locale.ROOT));
        }
        throw Errors.badRequestUri("A binary operator with incompatible types was detected. Found operand types '"
                + kind(left) + "' and '" + kind(right) + "'.");
    }

    private static boolean isText(Object value) {
        return value instanceof String || value instanceof UUID || value instanceof Filter.DateTimeText;
    }

    private static String text(Object value) {
        return value instanceof Filter.DateTimeText dateTime ? dateTime.text() : value.toString();
    }

    private static String kind(Object value) {
        return value instanceof BigDecimal ? "Edm.Decimal" : value instanceof Boolean ? "Edm.Boolean"
                : value instanceof UUID ? "Edm.Guid" : "Edm.String";
    }

    private Boolean textMatch(Filter.TextMatch match, Scope scope) {
        Object value = value(match.column(), scope);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Errors.badRequestUri("The function " + match.function().name().toLowerCase(Locale.ROOT)
                    + "() takes a text column; '" + match.column().name() + "' is " + kind(value) + ".");
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = match.text().toLowerCase(Locale.ROOT);
        return switch (match.function()) {
            case CONTAINS -> haystack.contains(needle);
            case STARTSWITH -> haystack.startsWith(needle);
            case ENDSWITH -> haystack.endsWith(needle);
        };
    }

    private Boolean lambda(Filter.Lambda lambda, Scope scope) {
        NavigationProperty nav = scope.type().navigation(lambda.navigation())
                .orElseThrow(() -> Errors.propertyNotFound(lambda.navigation(), scope.type().qualifiedName()));
        if (!nav.isCollection()) {
            throw Errors.badRequestUri("The lambda operators any and all need a collection-valued navigation property; '"
                    + nav.name() + "' is single-valued: filter on '" + nav.name() + "/<column>' instead.");
        }
        List<Row> related = linker.related(scope.row(), nav);
        if (lambda.body() == null) {
            return !related.isEmpty();
        }
        EntityType target = rows.schema().type(nav.targetType());
        boolean unknown = false;
        for (Row candidate : related) {
            Boolean result = evaluate(lambda.body(), scope.with(lambda.variable(), new Scope(target, candidate, Map.of())));
            if (result == null) {
                unknown = true;
            } else if (result != lambda.all()) {
                return !lambda.all(); // any: one true decides; all: one false decides
            }
        }
        return unknown ? null : lambda.all();
    }

    private Object value(Filter.Operand operand, Scope scope) {
        if (operand instanceof Filter.Literal literal) {
            return literal.value();
        }
        Filter.Column column = (Filter.Column) operand;
        if (column.prefix() == null) {
            return column(scope.type(), scope.row(), column.name());
        }
        Scope bound = scope.variables().get(column.prefix());
        if (bound != null) {
            return column(bound.type(), bound.row(), column.name());
        }
        NavigationProperty nav = scope.type().navigation(column.prefix())
                .orElseThrow(() -> Errors.propertyNotFound(column.prefix(), scope.type().qualifiedName()));
        if (nav.isCollection()) {
            throw Errors.badRequestUri("'" + nav.name() + "' is a collection-valued navigation property: filter on its "
                    + "rows with " + nav.name() + "/any(x: x/" + column.name() + " ...).");
        }
        EntityType target = rows.schema().type(nav.targetType());
        List<Row> related = linker.related(scope.row(), nav);
        if (!target.hasProperty(column.name())) {
            throw Errors.propertyNotFound(column.name(), target.qualifiedName());
        }
        return related.isEmpty() ? null : column(target, related.get(0), column.name());
    }

    /** A column's value as filters and ordering compare it: UUID, BigDecimal, Boolean, String or null. */
    static Object column(EntityType type, Row row, String property) {
        if (!type.hasProperty(property)) {
            throw Errors.propertyNotFound(property, type.qualifiedName());
        }
        if (type.isLookupProperty(property)) {
            EntityRef ref = row.lookup(property);
            return ref == null ? null : ref.id();
        }
        if (property.equals(type.primaryKey())) {
            return row.id();
        }
        JsonNode node = row.attribute(property);
        if (node == null || node.isNull()) {
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
}

package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Condition;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.uri.Filter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Translates a FetchXML filter into the {@code $filter} model, so that one evaluator decides both: the operators of
 * "Filter rows using FetchXml" (F4) whose meaning is a comparison, a text match or a combination of them. Negations
 * ({@code not-like}, {@code not-in}, {@code not-between}) keep SQL's three-valued logic: a row whose column is empty
 * is left out of both the operator and its negation [INF, as for $filter].
 */
final class Conditions {

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "neq", "lt", "le", "gt", "ge", "null", "not-null",
            "like", "not-like", "begins-with", "not-begin-with", "ends-with", "not-end-with", "in", "not-in", "between",
            "not-between");

    private static final Set<String> TEXT_OPERATORS = Set.of("like", "not-like", "begins-with", "not-begin-with",
            "ends-with", "not-end-with");

    private Conditions() {
    }

    /** The condition as a {@code $filter} on the row of {@code type} it tests. */
    static Filter leaf(EntityType type, Condition condition) {
        if (!OPERATORS.contains(condition.operator())) {
            throw FetchErrors.gap("condition operator '" + condition.operator() + "'");
        }
        String property = ColumnValues.property(type, condition.attribute());
        if (TEXT_OPERATORS.contains(condition.operator()) && !"Edm.String".equals(type.propertyType(property))) {
            throw FetchErrors.invalid("the '" + condition.operator() + "' operator compares text; '"
                    + condition.attribute() + "' of '" + type.logicalName() + "' is not a text column.");
        }
        Filter.Column column = new Filter.Column(null, property);
        return switch (condition.operator()) {
            case "eq" -> compare(type, column, Filter.Operator.EQ, one(condition));
            case "ne", "neq" -> compare(type, column, Filter.Operator.NE, one(condition));
            case "lt" -> compare(type, column, Filter.Operator.LT, one(condition));
            case "le" -> compare(type, column, Filter.Operator.LE, one(condition));
            case "gt" -> compare(type, column, Filter.Operator.GT, one(condition));
            case "ge" -> compare(type, column, Filter.Operator.GE, one(condition));
            case "null" -> new Filter.Compare(column, Filter.Operator.EQ, new Filter.Literal(null));
            case "not-null" -> new Filter.Compare(column, Filter.Operator.NE, new Filter.Literal(null));
            case "like" -> like(condition, column, one(condition));
            case "not-like" -> new Filter.Not(like(condition, column, one(condition)));
            case "begins-with" -> new Filter.TextMatch(Filter.TextFunction.STARTSWITH, column, one(condition));
            case "not-begin-with" -> new Filter.Not(
                    new Filter.TextMatch(Filter.TextFunction.STARTSWITH, column, one(condition)));
            case "ends-with" -> new Filter.TextMatch(Filter.TextFunction.ENDSWITH, column, one(condition));
            case "not-end-with" -> new Filter.Not(
                    new Filter.TextMatch(Filter.TextFunction.ENDSWITH, column, one(condition)));
            case "in" -> in(type, column, condition);
            case "not-in" -> new Filter.Not(in(type, column, condition));
            case "between" -> between(type, column, condition);
            case "not-between" -> new Filter.Not(between(type, column, condition));
            default -> throw FetchErrors.gap("condition operator '" + condition.operator() + "'");
        };
    }

    private static Filter compare(EntityType type, Filter.Column column, Filter.Operator operator, String value) {
        return new Filter.Compare(column, operator, new Filter.Literal(literal(type, column.name(), value)));
    }

    /**
     * {@code like} with {@code %} at the start, the end or both: ends-with, begins-with, contains; without a wildcard,
     * equality. Other wildcards ({@code _}, {@code [...]}, {@code %} inside) are not modelled.
     */
    private static Filter like(Condition condition, Filter.Column column, String pattern) {
        boolean leading = pattern.startsWith("%");
        boolean trailing = pattern.length() > 1 && pattern.endsWith("%");
        String text = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        if (text.contains("%") || text.contains("_") || text.contains("[")) {
            throw FetchErrors.gap("'" + condition.operator() + "' pattern '" + pattern
                    + "' (only a leading and/or trailing % is modelled)");
        }
        if (leading && trailing) {
            return new Filter.TextMatch(Filter.TextFunction.CONTAINS, column, text);
        }
        if (leading || trailing) {
            return new Filter.TextMatch(leading ? Filter.TextFunction.ENDSWITH : Filter.TextFunction.STARTSWITH,
                    column, text);
        }
        return new Filter.Compare(column, Filter.Operator.EQ, new Filter.Literal(text));
    }

    private static Filter in(EntityType type, Filter.Column column, Condition condition) {
        if (condition.values().isEmpty()) {
            throw FetchErrors.invalid("the '" + condition.operator() + "' operator needs at least one <value>.");
        }
        Filter result = null;
        for (String value : condition.values()) {
            Filter next = compare(type, column, Filter.Operator.EQ, value);
            result = result == null ? next : new Filter.Or(result, next);
        }
        return result;
    }

    private static Filter between(EntityType type, Filter.Column column, Condition condition) {
        if (condition.values().size() != 2) {
            throw FetchErrors.invalid("the '" + condition.operator() + "' operator needs two <value> elements.");
        }
        return new Filter.And(compare(type, column, Filter.Operator.GE, condition.values().get(0)),
                compare(type, column, Filter.Operator.LE, condition.values().get(1)));
    }

    private static String one(Condition condition) {
        if (condition.values().size() != 1) {
            throw FetchErrors.invalid("the '" + condition.operator() + "' operator on '" + condition.attribute()
                    + "' needs exactly one value.");
        }
        return condition.values().get(0);
    }

    /** The condition's text as the column's type: the value a {@code $filter} literal would have been. */
    static Object literal(EntityType type, String property, String text) {
        String edm = property.equals(type.primaryKey()) ? "Edm.Guid" : type.propertyType(property);
        String trimmed = text.trim();
        try {
            return switch (edm == null ? "" : edm) {
                case "Edm.Guid" -> UUID.fromString(trimmed.replace("{", "").replace("}", ""));
                case "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Double", "Edm.Single" -> new BigDecimal(trimmed);
                case "Edm.Boolean" -> switch (trimmed.toLowerCase(Locale.ROOT)) {
                    case "1", "true" -> true;
                    case "0", "false" -> false;
                    default -> throw new IllegalArgumentException();
                };
                case "Edm.DateTimeOffset", "Edm.Date" -> new Filter.DateTimeText(trimmed);
                default -> text;
            };
        } catch (IllegalArgumentException e) {
            throw FetchErrors.invalid("'" + text + "' is not a valid " + edm + " value for '" + property + "'.");
        }
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.uri.Filter;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code $filter} over definitions ("Query table definitions using the Web API", D23: {@code LogicalName eq
 * 'account'}, {@code IsCustomEntity eq true}, {@code ReferencingEntity eq 'contact'}): comparisons of a property with a
 * literal, {@code and}/{@code or}/{@code not} and the text functions. Enum-typed properties compare by their name.
 */
final class DefinitionFilter {

    private DefinitionFilter() {
    }

    static boolean matches(JsonNode item, Filter filter) {
        if (filter instanceof Filter.Or or) {
            return matches(item, or.left()) || matches(item, or.right());
        }
        if (filter instanceof Filter.And and) {
            return matches(item, and.left()) && matches(item, and.right());
        }
        if (filter instanceof Filter.Not not) {
            return !matches(item, not.operand());
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(item, compare);
        }
        if (filter instanceof Filter.TextMatch match) {
            return text(item, match);
        }
        throw Errors.emulatorGap("any/all in a $filter of definitions",
                "comparisons, and/or/not, contains/startswith/endswith");
    }

    private static boolean compare(JsonNode item, Filter.Compare compare) {
        if (!(compare.left() instanceof Filter.Column column) || !(compare.right() instanceof Filter.Literal literal)) {
            throw Errors.emulatorGap("a $filter of definitions comparing other than a property with a literal",
                    "Property eq 'value'");
        }
        JsonNode value = property(item, column);
        Object expected = literal.value();
        if (expected == null || value == null || value.isNull()) {
            boolean bothNull = expected == null && (value == null || value.isNull());
            return switch (compare.operator()) {
                case EQ -> bothNull;
                case NE -> !bothNull;
                default -> false;
            };
        }
        int order;
        if (expected instanceof Boolean b) {
            order = Boolean.compare(value.asBoolean(), b);
        } else if (expected instanceof BigDecimal number && value.isNumber()) {
            order = value.decimalValue().compareTo(number);
        } else {
            order = value.asText().toLowerCase(Locale.ROOT).compareTo(expected.toString().toLowerCase(Locale.ROOT));
        }
        return compare.operator().holds(order);
    }

    private static boolean text(JsonNode item, Filter.TextMatch match) {
        JsonNode value = property(item, match.column());
        if (value == null || !value.isTextual()) {
            return false;
        }
        String text = value.asText().toLowerCase(Locale.ROOT);
        String part = match.text().toLowerCase(Locale.ROOT);
        return switch (match.function()) {
            case CONTAINS -> text.contains(part);
            case STARTSWITH -> text.startsWith(part);
            case ENDSWITH -> text.endsWith(part);
        };
    }

    /** {@code Name}, or a complex property's member {@code CascadeConfiguration/Delete}. */
    private static JsonNode property(JsonNode item, Filter.Column column) {
        JsonNode base = column.prefix() == null ? item : item.get(column.prefix());
        return base == null ? null : base.get(column.name());
    }
}

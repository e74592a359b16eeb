package dev.dataversebdd.emulator.core.uri;

import org.apiguardian.api.API;

/**
 * A parsed {@code $filter} expression, the grammar of "Filter rows using OData" (Q3): comparisons ({@code eq},
 * {@code ne}, {@code gt}, {@code ge}, {@code lt}, {@code le}) of a column with a literal or another column,
 * {@code contains}/{@code startswith}/{@code endswith}, {@code and}/{@code or}/{@code not}, parentheses, a single-valued
 * navigation property's column ({@code primarycontactid/fullname}) and the lambda operators {@code any}/{@code all}
 * over a collection-valued navigation property. Anything else (the Dataverse query functions, arithmetic) answers
 * 501 naming the gap rather than being misread.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface Filter permits Filter.Or, Filter.And, Filter.Not, Filter.Compare, Filter.TextMatch,
        Filter.Lambda {

    /** Parses {@code text}; a malformed expression is a 400, an unmodelled one a 501. */
    static Filter parse(String text) {
        return new FilterParser(text).parse();
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record And(Filter left, Filter right) implements Filter {
    }

    record Not(Filter operand) implements Filter {
    }

    enum Operator {
        EQ, NE, GT, GE, LT, LE;

        /** Whether a comparison that ordered its sides as {@code order} ({@link Comparable#compareTo}) holds. */
        public boolean holds(int order) {
            return switch (this) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                case LT -> order < 0;
                case LE -> order <= 0;
            };
        }
    }

    /** One side of a comparison: a column or a literal. */
    sealed interface Operand permits Column, Literal {
    }

    /**
     * A column of the row being filtered ({@code prefix} null), of the row a lambda variable stands for, or of the row
     * a single-valued navigation property leads to ({@code prefix} the variable or navigation property).
     */
    record Column(String prefix, String name) implements Operand {
    }

    /** A {@link java.util.UUID}, String, BigDecimal, Boolean, {@link DateTimeText} or null. */
    record Literal(Object value) implements Operand {
    }

    /** A date/time literal, compared by its text: ISO 8601 in one offset orders as text does. */
    record DateTimeText(String text) {
    }

    record Compare(Operand left, Operator operator, Operand right) implements Filter {
    }

    enum TextFunction { CONTAINS, STARTSWITH, ENDSWITH }

    record TextMatch(TextFunction function, Column column, String text) implements Filter {
    }

    /**
     * {@code navigation/any(variable: body)}, {@code navigation/all(variable: body)}, or {@code navigation/any()}
     * ({@code variable} and {@code body} null): true when some (any) or every (all) related row satisfies the body.
     */
    record Lambda(String navigation, boolean all, String variable, Filter body) implements Filter {
    }
}

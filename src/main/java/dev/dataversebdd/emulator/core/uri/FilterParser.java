package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recursive descent over {@code $filter} text, in OData's precedence: {@code not} binds tightest, then the
 * comparisons, then {@code and}, then {@code or}. Depth is bounded so that a hostile expression cannot exhaust the
 * stack.
 */
final class FilterParser {

    private static final int MAX_DEPTH = 64;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[mMdDfFlL]?");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final List<String> tokens;
    private int next;
    private int depth;

    FilterParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    Filter parse() {
        if (tokens.isEmpty()) {
            throw malformed("the expression is empty");
        }
        Filter filter = or();
        if (next < tokens.size()) {
            throw malformed("unexpected '" + tokens.get(next) + "'");
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (accept("or")) {
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (accept("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw malformed("the expression nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return accept("not") ? new Filter.Not(unary()) : primary();
        } finally {
            depth--;
        }
    }

    private Filter primary() {
        if (accept("(")) {
            Filter inner = or();
            expect(")");
            return inner;
        }
        String word = take("a column, a function or '('");
        String function = word.toLowerCase(Locale.ROOT);
        if (peek("(")) {
            return switch (function) {
                case "contains" -> textMatch(Filter.TextFunction.CONTAINS);
                case "startswith" -> textMatch(Filter.TextFunction.STARTSWITH);
                case "endswith" -> textMatch(Filter.TextFunction.ENDSWITH);
                default -> throw Errors.emulatorGap("the $filter function " + word + "() in '" + text + "'",
                        "contains, startswith, endswith, comparisons, and/or/not, any/all");
            };
        }
        Filter.Column column = column(word);
        if (column.prefix() == null && accept("/")) {
            String lambda = take("any or all");
            if (!lambda.equals("any") && !lambda.equals("all")) {
                return comparison(new Filter.Column(column.name(), name(lambda)));
            }
            return lambda(column.name(), lambda.equals("all"));
        }
        return comparison(column);
    }

    private Filter comparison(Filter.Column left) {
        String operator = take("a comparison operator (eq, ne, gt, ge, lt, le)");
        Filter.Operator op = switch (operator) {
            case "eq" -> Filter.Operator.EQ;
            case "ne" -> Filter.Operator.NE;
            case "gt" -> Filter.Operator.GT;
            case "ge" -> Filter.Operator.GE;
            case "lt" -> Filter.Operator.LT;
            case "le" -> Filter.Operator.LE;
            case "add", "sub", "mul", "div", "mod", "has", "in" -> throw Errors.emulatorGap("the $filter operator '"
                    + operator + "' in '" + text + "'", "eq, ne, gt, ge, lt, le");
            default -> throw malformed("expected a comparison operator after '" + left.name() + "' but found '" + operator + "'");
        };
        return new Filter.Compare(left, op, operand());
    }

    private Filter.Operand operand() {
        String word = take("a literal or a column");
        if (word.startsWith("'")) {
            return new Filter.Literal(word.substring(1, word.length() - 1).replace("''", "'"));
        }
        switch (word) {
            case "null":
                return new Filter.Literal(null);
            case "true":
                return new Filter.Literal(Boolean.TRUE);
            case "false":
                return new Filter.Literal(Boolean.FALSE);
            default:
                break;
        }
        if (GUID.matcher(word).matches()) {
            return new Filter.Literal(UUID.fromString(word));
        }
        if (DATE_TIME.matcher(word).matches()) {
            return new Filter.Literal(new Filter.DateTimeText(word));
        }
        if (NUMBER.matcher(word).matches()) {
            return new Filter.Literal(new BigDecimal(word.replaceAll("[mMdDfFlL]$", "")));
        }
        Filter.Column column = column(word);
        return column.prefix() == null && accept("/") ? new Filter.Column(column.name(), name(take("a column"))) : column;
    }

    private Filter textMatch(Filter.TextFunction function) {
        expect("(");
        Filter.Column column = column(take("a column"));
        if (column.prefix() == null && accept("/")) {
            column = new Filter.Column(column.name(), name(take("a column")));
        }
        expect(",");
        String literal = take("a quoted string");
        if (!literal.startsWith("'")) {
            throw malformed(function.name().toLowerCase(Locale.ROOT) + "() takes a column and a quoted string");
        }
        expect(")");
        return new Filter.TextMatch(function, column, literal.substring(1, literal.length() - 1).replace("''", "'"));
    }

    private Filter lambda(String navigation, boolean all) {
        expect("(");
        if (accept(")")) {
            if (all) {
                throw malformed("all() needs a lambda variable and an expression");
            }
            return new Filter.Lambda(navigation, false, null, null);
        }
        String variable = name(take("a lambda variable"));
        expect(":");
        Filter body = or();
        expect(")");
        return new Filter.Lambda(navigation, all, variable, body);
    }

    private Filter.Column column(String word) {
        return new Filter.Column(null, name(word));
    }

    private String name(String word) {
        if (!NAME.matcher(word).matches()) {
            throw malformed("'" + word + "' is not a column name");
        }
        return word;
    }

    private boolean accept(String token) {
        if (peek(token)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        return next < tokens.size() && tokens.get(next).equals(token);
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw malformed("expected '" + token + "'" + (next < tokens.size() ? " but found '" + tokens.get(next) + "'"
                    : " at the end"));
        }
    }

    private String take(String what) {
        if (next >= tokens.size()) {
            throw malformed("expected " + what + " at the end");
        }
        return tokens.get(next++);
    }

    private RuntimeException malformed(String why) {
        return Errors.badRequestUri("Invalid $filter '" + text + "': " + why + ".");
    }

    /** Quoted strings (with '' for a quote), punctuation, and words; a date/time literal keeps its colons. */
    private List<String> tokenize(String source) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= source.length()) {
                        throw malformed("a quoted string is not closed");
                    }
                    if (source.charAt(end) == '\'') {
                        if (end + 1 < source.length() && source.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                result.add(source.substring(i, end + 1));
                i = end + 1;
            } else if ("(),/:=".indexOf(c) >= 0) { // "=" only ever appears in (unmodelled) function arguments
                result.add(String.valueOf(c));
                i++;
            } else {
                boolean startsWithDigit = Character.isDigit(c) || c == '-';
                int end = i;
                while (end < source.length()) {
                    char d = source.charAt(end);
                    boolean wordChar = Character.isLetterOrDigit(d) || d == '_' || d == '.' || d == '-' || d == '+'
                            || (startsWithDigit && d == ':');
                    if (!wordChar) {
                        break;
                    }
                    end++;
                }
                if (end == i) {
                    throw malformed("unexpected character '" + c + "'");
                }
                result.add(source.substring(i, end));
                i = end;
            }
        }
        return result;
    }
}

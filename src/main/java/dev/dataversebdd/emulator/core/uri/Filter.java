package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code $filter} subset that read-back checks and the sweep need: {@code property eq literal} and
 * {@code startswith(property,'text')}, joined by {@code and}. Literals are GUIDs, quoted strings, numbers, {@code true}, {@code false} and {@code null}.
 * Anything richer answers 501 rather than being silently misread.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Filter(List<Comparison> comparisons) {

    /**
     * {@code property eq value} ({@code prefix} false), or {@code startswith(property,'text')} ({@code prefix} true);
     * value is a {@link java.util.UUID}, String, BigDecimal, Boolean or null.
     */
    public record Comparison(String property, Object value, boolean prefix) {
    }

    private static final Pattern COMPARISON = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+eq\\s+(.+?)\\s*$");
    private static final Pattern STARTS_WITH = Pattern.compile(
            "^\\s*startswith\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*('(?:[^']|'')*')\\s*\\)\\s*$");

    static Filter parse(String text) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String clause : Splitter.split(text, " and ")) {
            Matcher prefix = STARTS_WITH.matcher(clause);
            if (prefix.matches()) {
                comparisons.add(new Comparison(prefix.group(1), KeyPredicate.literal(prefix.group(2), text), true));
                continue;
            }
            Matcher m = COMPARISON.matcher(clause);
            if (!m.matches()) {
                throw Errors.emulatorGap("the $filter expression '" + text + "'",
                        "$filter with 'property eq literal' or startswith(property,'text'), joined by 'and'");
            }
            String literal = m.group(2);
            Object value = switch (literal) {
                case "null" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> KeyPredicate.literal(literal, text);
            };
            comparisons.add(new Comparison(m.group(1), value, false));
        }
        return new Filter(List.copyOf(comparisons));
    }
}

package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The text between the parentheses of a key segment: a bare GUID ({@code accounts(0000…)}), a named primary key
 * ({@code accounts(accountid=0000…)}) or an alternate key ({@code accounts(accountnumber='ABC',…)}).
 * Values are kept as typed literals: {@link UUID}, {@link String} or {@link BigDecimal}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record KeyPredicate(String raw, Object bareValue, Map<String, Object> named) {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static KeyPredicate parse(String raw) {
        String text = raw.trim();
        if (text.isEmpty()) {
            throw Errors.badRequestUri("Empty key predicate '()'.");
        }
        if (text.startsWith("{") || text.contains("={")) {
            throw Errors.badRequestUri("Unrecognized key '" + raw + "': GUIDs in Web API requests must not have curly "
                    + "braces.");
        }
        if (!text.contains("=")) {
            return new KeyPredicate(raw, literal(text, raw), Map.of());
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (String part : Splitter.split(text, ",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw Errors.badRequestUri("Unrecognized key predicate '" + raw + "'.");
            }
            String name = part.substring(0, eq).trim();
            if (named.put(name, literal(part.substring(eq + 1).trim(), raw)) != null) {
                throw Errors.badRequestUri("Duplicate key property '" + name + "' in '" + raw + "'.");
            }
        }
        return new KeyPredicate(raw, null, Map.copyOf(named));
    }

    public boolean isBare() {
        return bareValue != null;
    }

    static Object literal(String text, String context) {
        if (GUID.matcher(text).matches()) {
            return UUID.fromString(text);
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Errors.badRequestUri("Unrecognized key value '" + text + "' in '" + context
                    + "': expected a GUID without braces, a quoted string or a number.");
        }
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.RowRef;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders raw steps write in paths and bodies: {@code {root}} (the service root), {@code {host}} (its scheme
 * and authority), {@code {missing}} (a GUID that names no row), {@code {name:Alias}} (the name a row is stored under,
 * behind the run tag on a live org), {@code {Alias}} and, where two tables share an alias, {@code {table:Alias}}
 * (the row's id): {@code opportunities({Big deal})/customerid_account/$ref}, and {@code {upper:Alias}} (the same id in
 * upper case: a GUID names its row whatever the case of its letters).
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\"]+)}");

    private Placeholders() {
    }

    static String fill(String text, DataverseSession session) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String root = session.serviceRoot();
            String value = name.startsWith("name:") ? session.names().storedName(aliasOf(name.substring(5), session))
                    : name.startsWith("upper:") ? row(name.substring(6), session).id().toString().toUpperCase(Locale.ROOT)
                    : switch (name) {
                case "missing" -> session.names().missingId().toString();
                case "root" -> root;
                case "host" -> root.substring(0, root.indexOf("/api/data/"));
                default -> row(name, session).id().toString();
            };
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** The alias of {@code Contoso} or {@code account:Contoso}: a row need not exist to have a stored name. */
    private static String aliasOf(String name, DataverseSession session) {
        int colon = name.indexOf(':');
        return colon > 0 && session.names().hasTable(name.substring(0, colon)) ? name.substring(colon + 1) : name;
    }

    /** {@code Contoso} or {@code account:Contoso}. */
    private static RowRef row(String name, DataverseSession session) {
        int colon = name.indexOf(':');
        if (colon > 0 && session.names().hasTable(name.substring(0, colon))) {
            return session.row(name.substring(0, colon), name.substring(colon + 1));
        }
        return session.row(name);
    }
}

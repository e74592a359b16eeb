package dev.dataversebdd.dsl;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.EditDistance;
import dev.dataversebdd.wire.ErrorBody;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed response into one hint, phrased as cause plus remedy, using the target's schema
 * ("account has no navigation property 'x'; did you mean 'y'?").
 */
final class Hints {

    private static final Pattern SEGMENT = Pattern.compile("Resource not found for the segment '([^']*)'");
    private static final Pattern REF_AFTER = Pattern.compile("The URI segment '\\$ref' is invalid after the segment '([^']*)'");
    private static final Pattern UNDECLARED = Pattern.compile("An undeclared property '([^']*)'");
    private static final Pattern INVALID_PROPERTY = Pattern.compile("Invalid property '([^']*)' was found in entity "
            + "'Microsoft\\.Dynamics\\.CRM\\.([^']*)'");

    private final ClientSchema schema;

    Hints(ClientSchema schema) {
        this.schema = schema;
    }

    /** @param table the table the request was about (the row in the URL), or null when unknown */
    Optional<String> forFailure(RecordedExchange exchange, String table) {
        if (exchange.status() == 401) {
            return Optional.of("the target refused the credentials (no token, a wrong one, or an expired one): "
                    + "check the live-org authentication settings.");
        }
        Optional<ErrorBody> parsed = ErrorBody.parse(exchange.responseBody());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ErrorBody error = parsed.get();
        String message = error.message();
        Optional<ClientSchema.Table> known = table == null ? Optional.empty() : schema.table(table);
        Matcher m;
        if ((m = SEGMENT.matcher(message)).find()) {
            String segment = m.group(1);
            if (known.isPresent() && !schema.table(segment).isPresent()) {
                return known.flatMap(t -> EditDistance.closest(segment, t.navigations().keySet())
                        .map(c -> t.logicalName() + " has no navigation property '" + segment + "'; did you mean '" + c + "'?"));
            }
            return EditDistance.closest(segment, entitySets()).map(c -> "there is no entity set '" + segment
                    + "' (names are case sensitive); did you mean '" + c + "'?");
        }
        if ((m = REF_AFTER.matcher(message)).find()) {
            String segment = m.group(1);
            return Optional.of(sentence("'" + segment + "' is not a navigation property" + known.map(t -> " of "
                    + t.logicalName() + suggestion(segment, navigationsFor(t, exchange.method()))).orElse("")));
        }
        if ((m = UNDECLARED.matcher(message)).find()) {
            String name = m.group(1);
            return Optional.of(sentence("'" + name + "@odata.bind' needs a navigation property, and '" + name
                    + "' is not one" + known.map(t -> " of " + t.logicalName() + suggestion(name, t.navigations().keySet()))
                    .orElse("")));
        }
        if ((m = INVALID_PROPERTY.matcher(message)).find()) {
            String name = m.group(1);
            String entityName = m.group(2);
            return schema.table(entityName).flatMap(t -> EditDistance.closest(name, allNames(t)))
                    .map(c -> entityName + " has no property '" + name + "' (names are case sensitive); did you mean '"
                            + c + "'?");
        }
        if (message.contains("AbsoluteUri should contain ServiceRouteUri")) {
            return Optional.of("the target wants absolute entity URLs under its service root (D2: \"You must use an "
                    + "absolute URL\"): send the reference with ReferenceForm.ABSOLUTE.");
        }
        if (error.code().equals("0x80040237")) {
            return Optional.of("the two rows are associated already: disassociate them first, or expect the duplicate.");
        }
        if (error.code().equals("0x80040217")) {
            return Optional.of("the row does not exist (any more): was it deleted earlier in the scenario, or created on "
                    + "another target?");
        }
        if (error.code().equals("EMULATOR_GAP")) {
            return Optional.of("the embedded emulator does not model this request: report it with this message, or run "
                    + "the scenario against a live org.");
        }
        return Optional.empty();
    }

    private List<String> entitySets() {
        return schema.tableNames().stream().map(n -> schema.table(n).orElseThrow().entitySet()).toList();
    }

    private static List<String> allNames(ClientSchema.Table table) {
        List<String> names = new ArrayList<>(table.columns());
        names.addAll(table.navigations().keySet());
        return names;
    }

    /**
     * The navigation properties a {@code $ref} request can mean: collection-valued ones for POST (associate),
     * single-valued ones for PUT (rebind), any for DELETE.
     */
    private static List<String> navigationsFor(ClientSchema.Table table, String method) {
        return table.navigations().values().stream()
                .filter(n -> method.equals("POST") ? n.collection() : !method.equals("PUT") || !n.collection())
                .map(ClientSchema.Navigation::name).toList();
    }

    private static String sentence(String text) {
        return text.endsWith("?") || text.endsWith(".") ? text : text + ".";
    }

    /** "; did you mean 'x'?" for a close name, else the three closest by edit distance. */
    private static String suggestion(String wrong, Collection<String> candidates) {
        String close = EditDistance.didYouMean(wrong, candidates);
        if (!close.isEmpty()) {
            return close;
        }
        List<String> nearest = EditDistance.nearest(wrong, candidates, 3);
        return nearest.isEmpty() ? "" : "; the closest are " + nearest;
    }
}

package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One {@code $expand} item: {@code nav}, {@code nav/$ref} or {@code nav($select=…;$expand=…;$top=…)}. The options
 * Dataverse allows only on collection-valued navigation properties ({@code $top}, {@code $orderby}, {@code $filter})
 * are kept as written; the renderer checks them against the schema.
 *
 * @param nested  true inside another {@code $expand} (a nested {@code $expand})
 * @param options the options as written between the parentheses, {@code ;}-separated, or null
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ExpandItem(String navigation, boolean referencesOnly, List<String> select, List<ExpandItem> expand,
                         Integer top, List<QueryOptions.OrderKey> orderby, Filter filter, boolean nested,
                         String options) {

    /** How many {@code $expand} options these items hold, nested ones included. */
    static int count(List<ExpandItem> items) {
        int count = 0;
        for (ExpandItem item : items) {
            count += 1 + count(item.expand());
        }
        return count;
    }

    /** True when an item expands further inside itself: Dataverse's "nested $expand" (Q1). */
    public static boolean anyNested(List<ExpandItem> items) {
        return items.stream().anyMatch(item -> !item.expand().isEmpty());
    }

    static List<ExpandItem> parseList(String value) {
        return parseList(value, false);
    }

    private static List<ExpandItem> parseList(String value, boolean nested) {
        List<ExpandItem> items = new ArrayList<>();
        for (String part : Splitter.split(value, ",")) {
            items.add(parse(part.trim(), nested));
        }
        return List.copyOf(items);
    }

    private static ExpandItem parse(String text, boolean nested) {
        if (text.isEmpty()) {
            throw Errors.badRequestUri("Empty item in $expand.");
        }
        int open = text.indexOf('(');
        String head = open < 0 ? text : text.substring(0, open);
        if (head.endsWith("/$ref")) {
            if (open >= 0) {
                throw Errors.emulatorGap("options inside '" + text + "'", "$expand=nav/$ref without options");
            }
            return new ExpandItem(head.substring(0, head.length() - "/$ref".length()), true, null, List.of(), null, null,
                    null, nested, null);
        }
        if (open < 0) {
            return new ExpandItem(head, false, null, List.of(), null, null, null, nested, null);
        }
        if (!text.endsWith(")")) {
            throw Errors.badRequestUri("Unbalanced parentheses in $expand item '" + text + "'.");
        }
        List<String> select = null;
        List<ExpandItem> inner = List.of();
        Integer top = null;
        List<QueryOptions.OrderKey> orderby = null;
        Filter filter = null;
        String options = text.substring(open + 1, text.length() - 1);
        for (String option : Splitter.split(options, ";")) {
            String trimmed = option.trim();
            if (trimmed.startsWith("$select=")) {
                select = QueryOptions.parseSelect(trimmed.substring("$select=".length()));
            } else if (trimmed.startsWith("$expand=")) {
                inner = parseList(trimmed.substring("$expand=".length()), true);
            } else if (trimmed.startsWith("$top=")) {
                top = QueryOptions.parseTop(trimmed.substring("$top=".length()));
            } else if (trimmed.startsWith("$orderby=")) {
                orderby = QueryOptions.parseOrderBy(trimmed.substring("$orderby=".length()));
            } else if (trimmed.startsWith("$filter=")) {
                filter = Filter.parse(trimmed.substring("$filter=".length())); // parsed once, refused before any read
            } else if (!trimmed.isEmpty()) {
                throw Errors.emulatorGap("the nested option '" + trimmed + "' in $expand",
                        "$select, $expand and $top inside $expand");
            }
        }
        return new ExpandItem(head, false, select, inner, top, orderby, filter, nested, options);
    }
}

package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The system query options the emulator understands. Real clients send {@code $select}/{@code $expand} text
 * unencoded ({@code $}, {@code (}, {@code )}, {@code ;}), so splitting happens outside parentheses and each value
 * is percent-decoded on its own.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record QueryOptions(List<String> select, List<ExpandItem> expand, Filter filter, String id, Integer top,
                           String skipToken, List<OrderKey> orderBy, boolean count) {

    /** One {@code $orderby} key: a column, ascending unless {@code desc} ("Order rows using OData", Q4). */
    public record OrderKey(String property, boolean descending) {
    }

    /** Dataverse: "You can include up to 15 $expand options in a query" (Q1). */
    public static final int MAX_EXPANDS = 15;

    private static final Set<String> KNOWN = Set.of("$select", "$expand", "$filter", "$id", "$top", "$count",
            "$orderby", "$skiptoken", "$apply", "$search", "$skip", "$format");
    private static final Set<String> MODELLED = Set.of("$select", "$expand", "$filter", "$id", "$top", "$skiptoken",
            "$orderby", "$count");

    public static final QueryOptions NONE = new QueryOptions(null, List.of(), null, null, null, null, List.of(), false);

    public static QueryOptions parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : Splitter.split(rawQuery, "&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentDecoder.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentDecoder.decode(pair.substring(eq + 1));
            if (!name.startsWith("$")) {
                continue; // custom query options are allowed and ignored
            }
            if (!KNOWN.contains(name)) {
                throw Errors.badRequestUri("The query parameter '" + name + "' is not supported.");
            }
            if (name.equals("$skip")) { // "Dataverse doesn't support the $skip query option" (Q2)
                throw Errors.badRequestUri("The query parameter '$skip' is not supported: Dataverse pages with "
                        + "Prefer: odata.maxpagesize and the @odata.nextLink of each page.");
            }
            if (!MODELLED.contains(name)) {
                throw Errors.emulatorGap("the query option " + name,
                        "$select, $expand, $filter, $orderby, $count, $top, $id, $skiptoken");
            }
            if (options.put(name, value) != null) {
                throw Errors.badRequestUri("Query option '" + name + "' was specified more than once.");
            }
        }
        List<ExpandItem> expand = options.containsKey("$expand") ? ExpandItem.parseList(options.get("$expand")) : List.of();
        int expands = ExpandItem.count(expand);
        if (expands > MAX_EXPANDS) {
            throw Errors.tooManyExpands(expands, MAX_EXPANDS);
        }
        return new QueryOptions(
                options.containsKey("$select") ? parseSelect(options.get("$select")) : null,
                expand,
                options.containsKey("$filter") ? Filter.parse(options.get("$filter")) : null,
                options.get("$id"),
                options.containsKey("$top") ? parseTop(options.get("$top")) : null,
                options.get("$skiptoken"),
                options.containsKey("$orderby") ? parseOrderBy(options.get("$orderby")) : List.of(),
                options.containsKey("$count") && parseCount(options.get("$count")));
    }

    public static List<OrderKey> parseOrderBy(String value) {
        List<OrderKey> keys = new ArrayList<>();
        for (String key : value.split(",")) {
            String[] words = key.trim().split("\\s+");
            boolean named = words.length >= 1 && words[0].matches("[A-Za-z_][A-Za-z0-9_]*");
            boolean direction = words.length == 1 || words.length == 2 && (words[1].equals("asc") || words[1].equals("desc"));
            if (!named || !direction) {
                throw Errors.badRequestUri("Invalid $orderby '" + value + "': expected 'column [asc|desc]', comma-separated.");
            }
            keys.add(new OrderKey(words[0], words.length == 2 && words[1].equals("desc")));
        }
        return List.copyOf(keys);
    }

    static boolean parseCount(String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Errors.badRequestUri("Invalid value '" + value + "' for $count: expected true or false.");
        };
    }

    static List<String> parseSelect(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw Errors.badRequestUri("Empty property name in $select='" + value + "'.");
            }
            names.add(trimmed);
        }
        return List.copyOf(names);
    }

    static Integer parseTop(String value) {
        try {
            int top = Integer.parseInt(value.trim());
            if (top < 0) {
                throw new NumberFormatException();
            }
            return top;
        } catch (NumberFormatException e) {
            throw Errors.badRequestUri("Invalid value '" + value + "' for $top: expected a non-negative integer.");
        }
    }
}

package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code $expand} item: {@code nav}, {@code nav/$ref} or {@code nav($select=…;$expand=…)}.
 */
public record ExpandItem(String navigation, boolean referencesOnly, List<String> select, List<ExpandItem> expand) {

    static List<ExpandItem> parseList(String value) {
        List<ExpandItem> items = new ArrayList<>();
        for (String part : Splitter.split(value, ",")) {
            items.add(parse(part.trim()));
        }
        return List.copyOf(items);
    }

    private static ExpandItem parse(String text) {
        if (text.isEmpty()) {
            throw Errors.badRequestUri("Empty item in $expand.");
        }
        int open = text.indexOf('(');
        String head = open < 0 ? text : text.substring(0, open);
        if (head.endsWith("/$ref")) {
            if (open >= 0) {
                throw Errors.emulatorGap("options inside '" + text + "'", "$expand=nav/$ref without options");
            }
            return new ExpandItem(head.substring(0, head.length() - "/$ref".length()), true, null, List.of());
        }
        if (open < 0) {
            return new ExpandItem(head, false, null, List.of());
        }
        if (!text.endsWith(")")) {
            throw Errors.badRequestUri("Unbalanced parentheses in $expand item '" + text + "'.");
        }
        List<String> select = null;
        List<ExpandItem> nested = List.of();
        for (String option : Splitter.split(text.substring(open + 1, text.length() - 1), ";")) {
            String trimmed = option.trim();
            if (trimmed.startsWith("$select=")) {
                select = QueryOptions.parseSelect(trimmed.substring("$select=".length()));
            } else if (trimmed.startsWith("$expand=")) {
                nested = parseList(trimmed.substring("$expand=".length()));
            } else if (!trimmed.isEmpty()) {
                throw Errors.emulatorGap("the nested option '" + trimmed + "' in $expand", "$select and $expand inside $expand");
            }
        }
        return new ExpandItem(head, false, select, nested);
    }
}

package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits OData text on a delimiter that stands outside single quotes and parentheses: {@code &} between query
 * options, {@code ,} between {@code $expand} items or key values, {@code ;} between nested options, {@code /}
 * between path segments, {@code " and "} between filter clauses. Unbalanced parentheses are a 400.
 */
final class Splitter {

    private Splitter() {
    }

    static List<String> split(String text, String delimiter) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth < 0) {
                    throw Errors.badRequestUri("Unbalanced ')' in '" + text + "'.");
                }
            } else if (!quoted && depth == 0 && text.startsWith(delimiter, i)) {
                parts.add(text.substring(start, i));
                start = i + delimiter.length();
                i = start - 1;
            }
        }
        if (depth != 0) {
            throw Errors.badRequestUri("Unbalanced '(' in '" + text + "'.");
        }
        parts.add(text.substring(start));
        return parts;
    }
}

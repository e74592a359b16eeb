package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource path after the service root, split into {@link Segment}s. Splits on {@code /} outside quotes and
 * parentheses so that key values may hold either, then percent-decodes each piece.
 */
public record ResourcePath(List<Segment> segments) {

    public static ResourcePath parse(String rawPath) {
        List<Segment> segments = new ArrayList<>();
        for (String raw : split(rawPath)) {
            if (raw.isEmpty()) {
                continue;
            }
            String text = PercentDecoder.decode(raw);
            int open = indexOfOpenParen(text);
            if (open < 0) {
                segments.add(new Segment(text, null));
            } else {
                if (!text.endsWith(")")) {
                    throw Errors.badRequestUri("The segment '" + text + "' has an unbalanced key predicate.");
                }
                segments.add(new Segment(text.substring(0, open), KeyPredicate.parse(text.substring(open + 1, text.length() - 1))));
            }
        }
        return new ResourcePath(List.copyOf(segments));
    }

    public int size() {
        return segments.size();
    }

    public Segment get(int index) {
        return segments.get(index);
    }

    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    private static int indexOfOpenParen(String text) {
        return text.indexOf('(');
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == '/') {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(path.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        return String.join("/", segments.stream().map(Segment::toString).toList());
    }
}

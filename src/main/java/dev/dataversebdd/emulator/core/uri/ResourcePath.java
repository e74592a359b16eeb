package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The resource path after the service root, split into {@link Segment}s. Splits on {@code /} outside quotes and
 * parentheses so that key values may hold a slash, then percent-decodes each piece.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ResourcePath(List<Segment> segments) {

    private static final String FUNCTION_NAMESPACE = "Microsoft.Dynamics.CRM.";

    public static ResourcePath parse(String rawPath) {
        List<Segment> segments = new ArrayList<>();
        for (String raw : Splitter.split(rawPath, "/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String text = PercentDecoder.decode(raw);
            int open = text.indexOf('(');
            if (open < 0) {
                segments.add(new Segment(text, null));
            } else if (text.startsWith(FUNCTION_NAMESPACE)) {
                // a bound function's parameters (Target=@tid) are no key: the function reads its aliases itself
                segments.add(new Segment(text.substring(0, open), null));
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

    @Override
    public String toString() {
        return String.join("/", segments.stream().map(Segment::toString).toList());
    }
}

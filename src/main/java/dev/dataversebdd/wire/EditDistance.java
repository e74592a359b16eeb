package dev.dataversebdd.wire;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Levenshtein distance, for "did you mean" hints on misspelt tables, navigation properties and settings. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EditDistance {

    private EditDistance() {
    }

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The {@code n} candidates closest to {@code wrong} by edit distance (ignoring case), closest first. */
    public static List<String> nearest(String wrong, Collection<String> candidates, int n) {
        return candidates.stream().sorted(Comparator.comparingInt((String c) -> between(
                wrong.toLowerCase(), c.toLowerCase())).thenComparing(Comparator.naturalOrder())).limit(n).toList();
    }

    /** The candidate closest to {@code wrong} by edit distance, when it is close enough for a "did you mean". */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(c -> between(wrong.toLowerCase(), c.toLowerCase())))
                .filter(c -> between(wrong.toLowerCase(), c.toLowerCase()) <= Math.max(3, wrong.length() / 3));
    }

    /** {@code "; did you mean 'x'?"} for the {@link #closest} candidate, or {@code ""} when none is close enough. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }
}

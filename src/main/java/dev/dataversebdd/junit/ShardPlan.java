package dev.dataversebdd.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Which shard of {@code n} runs each scenario, the same in every job and every run: without durations by a hash of
 * the scenario's key (its feature's path and its name), with the last run's durations by longest first, each to the
 * shard with the least time so far (ties to the lower shard). Keys not in the durations count as their median.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ShardPlan {

    private final int count;
    private final Map<String, Double> durations;

    /** @param durations seconds by scenario key; empty to split by hash */
    public ShardPlan(int count, Map<String, Double> durations) {
        if (count < 1) {
            throw new IllegalArgumentException("a suite splits into at least one shard, not " + count);
        }
        this.count = count;
        this.durations = Map.copyOf(durations);
    }

    /** The shard (1 to n) of each key. */
    public Map<String, Integer> assign(Collection<String> keys) {
        Map<String, Integer> shards = new HashMap<>();
        TreeSet<String> sorted = new TreeSet<>(keys);
        if (durations.isEmpty()) {
            sorted.forEach(key -> shards.put(key, 1 + Math.floorMod(hash(key), count)));
            return shards;
        }
        double median = median(sorted);
        List<String> longestFirst = new ArrayList<>(sorted);
        longestFirst.sort(Comparator.comparingDouble((String key) -> durations.getOrDefault(key, median)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        double[] load = new double[count];
        for (String key : longestFirst) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            load[least] += durations.getOrDefault(key, median);
            shards.put(key, least + 1);
        }
        return shards;
    }

    private double median(Collection<String> keys) {
        List<Double> known = keys.stream().filter(durations::containsKey).map(durations::get).sorted().toList();
        return known.isEmpty() ? 1.0 : known.get(known.size() / 2);
    }

    /** The first four bytes of the key's SHA-256: the same on every JVM, unlike String.hashCode's promises. */
    private static int hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A scenario's key: its feature file's path from the last {@code features/} on (so a checkout's location, or a
     * classpath, does not change it) and its name; e.g. {@code features/associate/one-to-many.feature::Associate a deal}.
     */
    public static String key(String featureUri, String scenarioName) {
        String path = featureUri.replace('\\', '/');
        int at = path.lastIndexOf("features/");
        return (at >= 0 ? path.substring(at) : path.replaceFirst("^[a-z]+:", "")) + "::" + scenarioName;
    }
}

package dev.dataversebdd.junit;

import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs one shard of the Cucumber suite when {@code dataverse.shard=i/n} is set (a CI job of a matrix), every
 * scenario otherwise: registered with the JUnit Platform through {@code META-INF/services}, so a plain
 * {@code mvn verify -Ddataverse.shard=2/3} runs the second third. With {@code dataverse.shard-durations=FILE} (the
 * Cucumber JSON of an earlier run) the shards are balanced by time ({@link ShardPlan}). Other engines' tests pass.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class ShardFilter implements PostDiscoveryFilter {

    static final String SHARD = Targets.SHARD;
    static final String DURATIONS = Targets.SHARD_DURATIONS;

    private final Map<UniqueId, Map<String, Integer>> plans = new ConcurrentHashMap<>();

    /** Found by the JUnit Platform. */
    public ShardFilter() {
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<String> setting = Settings.fromSystem().get(SHARD);
        if (setting.isEmpty() || !descriptor.isTest() || !isCucumber(descriptor.getUniqueId())) {
            return FilterResult.included("not sharded");
        }
        int[] shard = parse(setting.get());
        TestDescriptor root = descriptor;
        while (root.getParent().isPresent()) {
            root = root.getParent().get();
        }
        TestDescriptor engine = root;
        Map<String, Integer> plan = plans.computeIfAbsent(engine.getUniqueId(), id -> plan(engine, shard[1]));
        int mine = plan.getOrDefault(key(descriptor), 1);
        return mine == shard[0] ? FilterResult.included("shard " + mine + "/" + shard[1])
                : FilterResult.excluded("in shard " + mine + "/" + shard[1] + ", not " + shard[0] + "/" + shard[1]);
    }

    private static Map<String, Integer> plan(TestDescriptor engine, int count) {
        List<String> keys = new ArrayList<>();
        collect(engine, keys);
        Map<String, Double> durations = Settings.fromSystem().get(DURATIONS).map(Path::of).map(ShardDurations::read)
                .orElse(Map.of());
        return new ShardPlan(count, durations).assign(keys);
    }

    private static void collect(TestDescriptor node, List<String> keys) {
        if (node.isTest()) {
            keys.add(key(node));
        }
        node.getChildren().forEach(child -> collect(child, keys));
    }

    /** The feature segment of the id and the scenario's name; examples of an outline share it and run together. */
    static String key(TestDescriptor test) {
        String feature = test.getUniqueId().getSegments().stream().filter(s -> s.getType().equals("feature"))
                .map(UniqueId.Segment::getValue).findFirst().orElse(test.getUniqueId().toString());
        TestDescriptor named = test;
        while (named.getParent().isPresent() && named.getParent().get().getUniqueId().getSegments().stream()
                .anyMatch(s -> s.getType().equals("outline") || s.getType().equals("examples"))) {
            named = named.getParent().get();
        }
        // the long naming strategy writes "<feature> - <scenario>": the key is the scenario's own name, as cucumber.json has it
        String name = named.getDisplayName();
        Optional<TestDescriptor> parent = named.getParent();
        while (parent.isPresent()) {
            String prefix = parent.get().getDisplayName() + " - ";
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
            parent = parent.get().getParent();
        }
        return ShardPlan.key(feature, name);
    }

    private static boolean isCucumber(UniqueId id) {
        return id.getEngineId().map("cucumber"::equals).orElse(false)
                || id.getSegments().stream().anyMatch(s -> s.getType().equals("feature"));
    }

    /** {@code 2/3} as {2, 3}; refuses anything else, saying the form. */
    static int[] parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            int index = Integer.parseInt(parts[0].trim());
            int count = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && count >= 1 && index >= 1 && index <= count) {
                return new int[] {index, count};
            }
        } catch (RuntimeException e) {
            // the message below says what is wrong
        }
        throw new IllegalArgumentException("Setting " + SHARD + " takes i/n with 1 <= i <= n, e.g. 2/3, not '" + text + "'");
    }
}

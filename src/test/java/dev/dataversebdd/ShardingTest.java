package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Splitting the suite across CI jobs by feature folders (src/site/markdown/performance.md, "When one machine is not enough"):
 * the shards together hold every scenario exactly once.
 */
class ShardingTest {

    private static final List<String> SHARD_ONE = List.of("features/associate", "features/disassociate", "features/rebind",
            "features/reads");
    private static final List<String> SHARD_TWO = List.of("features/bind-on-create", "features/update-bind",
            "features/activity-parties", "features/errors", "features/everyday", "features/batch", "features/security");

    @Test
    void should_cover_every_scenario_once_across_the_shards() {
        Set<String> all = scenarios(List.of("features"));
        Set<String> one = scenarios(SHARD_ONE);
        Set<String> two = scenarios(SHARD_TWO);
        assertThat(all.size(), greaterThan(100));
        assertThat(one.size() + two.size(), equalTo(all.size()));
        Set<String> union = new HashSet<>(one);
        union.addAll(two);
        assertThat(union, equalTo(all));
    }

    @Test
    void should_split_the_suite_into_three_deterministic_shards_that_hold_every_scenario_once() {
        // GIVEN dataverse.shard=i/3 for i = 1, 2, 3 (the ShardFilter the JUnit Platform finds by itself)
        Set<String> all = scenarios(List.of("features"));
        List<Set<String>> shards = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            shards.add(inShard(i + "/3", null));
        }
        // THEN together they hold every scenario exactly once, none of them empty, and the same again on a second look
        Set<String> union = new HashSet<>();
        shards.forEach(union::addAll);
        assertThat(union, equalTo(all));
        assertThat(shards.stream().mapToInt(Set::size).sum(), equalTo(all.size()));
        shards.forEach(shard -> assertThat(shard.size(), greaterThan(all.size() / 6)));
        assertThat(inShard("2/3", null), equalTo(shards.get(1)));
    }

    @Test
    void should_balance_the_shards_by_the_durations_of_an_earlier_run() throws Exception {
        // GIVEN an earlier run's cucumber.json in which one scenario took 1,000 s and two others 1 s (the median, which
        // the scenarios it does not list count as)
        Set<String> all = scenarios(List.of("features"));
        java.nio.file.Path json = java.nio.file.Files.createTempFile("durations", ".json");
        String slow = "Associating an opportunity to an account answers 204 and sets the customer";
        String element = "{\"type\":\"scenario\",\"name\":\"%s\",\"steps\":[{\"result\":{\"duration\":%d}}]}";
        java.nio.file.Files.writeString(json, "[{\"uri\":\"file:features/associate/one-to-many.feature\",\"elements\":["
                + String.format(element, slow, 1_000_000_000_000L) + ","
                + String.format(element, "The v9.0 request of the 2021 documentation answers 204 No Content with an empty body",
                        1_000_000_000L) + ","
                + String.format(element, "The v8.2 request of the CRM 2016 documentation answers 204 No Content with an "
                        + "empty body", 1_000_000_000L) + "]}]");
        // WHEN split in two by time
        Set<String> one = inShard("1/2", json.toString());
        Set<String> two = inShard("2/2", json.toString());
        // THEN every scenario is in one shard, and the slow one has its shard nearly to itself: the other gets the rest
        assertThat(one.size() + two.size(), equalTo(all.size()));
        Set<String> withSlow = one.stream().anyMatch(s -> s.contains(slow)) ? one : two;
        assertThat(withSlow.size(), equalTo(1));
        java.nio.file.Files.delete(json);
    }

    private static Set<String> inShard(String shard, String durations) {
        System.setProperty("dataverse.shard", shard);
        if (durations != null) {
            System.setProperty("dataverse.shard-durations", durations);
        }
        try {
            return scenarios(List.of("features"));
        } finally {
            System.clearProperty("dataverse.shard");
            System.clearProperty("dataverse.shard-durations");
        }
    }

    private static Set<String> scenarios(List<String> folders) {
        DiscoverySelector[] selectors = folders.stream().map(f -> selectDirectory(f)).toArray(DiscoverySelector[]::new);
        TestPlan plan = LauncherFactory.create().discover(request().selectors(selectors).filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps").build());
        Set<String> leaves = new HashSet<>();
        plan.getRoots().forEach(root -> leaves(plan, root).forEach(t -> leaves.add(t.getLegacyReportingName()
                + t.getSource().map(Object::toString).orElse(""))));
        return leaves;
    }

    private static Stream<TestIdentifier> leaves(TestPlan plan, TestIdentifier node) {
        Set<TestIdentifier> children = plan.getChildren(node);
        return children.isEmpty() ? (node.isTest() ? Stream.of(node) : Stream.empty())
                : children.stream().flatMap(child -> leaves(plan, child));
    }
}

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

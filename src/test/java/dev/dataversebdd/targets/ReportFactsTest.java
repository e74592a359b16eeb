package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a report's overview says about the target a run used. */
class ReportFactsTest {

    @Test
    void should_describe_the_embedded_emulator_with_only_its_switched_behaviours() {
        // GIVEN an emulator at v9.1 with one behaviour switched
        BehaviourProfile profile = BehaviourProfile.defaults().with("bind-null", "rejected");
        try (EmbeddedEmulatorTarget target = EmbeddedEmulatorTarget.start(null, profile, "v9.1", RetryPolicy.NONE)) {
            // WHEN it describes itself for the report THEN kind, version, the switched behaviour only, and its root
            Map<String, String> facts = target.reportFacts();
            assertThat(facts, hasEntry("Target", "embedded emulator"));
            assertThat(facts, hasEntry("API version", "v9.1"));
            assertThat(facts, hasEntry("Behaviour bind-null", "rejected"));
            assertThat(facts, not(hasKey("Behaviour relative-odata-id")));
            assertThat(facts.get("Service root"), equalTo(target.serviceRoot()));
        }
    }
}

package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target whose schema lacks a standard table the packaged suite uses (a team's org with account, contact and a
 * custom table, but no opportunity or competitor) skips the scenarios that need it, saying which table, instead of
 * failing them (issue 24: 29 of 162 packaged scenarios failed on missing tables against a team's schema).
 */
class MissingTablesTest {

    @Test
    void should_skip_a_scenario_whose_standard_table_the_target_lacks_and_say_which(@TempDir Path folder)
            throws Exception {
        LiveFeatures.Outcomes outcomes;
        // GIVEN an org whose $metadata has account, contact and cr123_project only
        try (LocalOrg local = new LocalOrg(folder, 3600, DataverseEmulator.builder()
                .metadata(Path.of("src/it/consumer-custom-table/metadata/org-metadata.xml")))) {
            // WHEN the N:N scenarios (opportunities and competitors) run against it in live mode
            outcomes = LiveFeatures.run(local.settings(), "not @emulator-only", "",
                    "features/associate/many-to-many.feature");
        }
        // THEN none failed; those that need a missing table were skipped, each saying which table
        assertThat(outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.reasons().size(), greaterThan(2));
        assertThat(outcomes.reasons(), everyItem(startsWith("the target has no table '")));
    }
}

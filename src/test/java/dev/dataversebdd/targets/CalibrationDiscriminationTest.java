package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.dataversebdd.emulator.core.BehaviourProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calibration learns only what discriminates (issue 24): a live PUT of parties onto an email that has none leaves the
 * same parties whether the org replaces them all or only the types it is sent, so a passing read-back settles neither
 * mode. Against a stand-in in either mode, the profile says the answers fit both, and never claims the other one.
 */
class CalibrationDiscriminationTest {

    private static final String FEATURE = "features/activity-parties/replace-parties.feature";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "activity-party-put={0}")
    @ValueSource(strings = {"replace-all", "replace-present-types"})
    void should_not_learn_a_mode_that_every_mode_the_answer_fits_predicts_alike(String mode) throws Exception {
        String profile;
        try (LocalOrg local = new LocalOrg(folder, 3600)) {
            // GIVEN an org whose activity-party PUT is the mode
            local.org.service().profile(BehaviourProfile.defaults().with("activity-party-put", mode));
            // WHEN its @conflict scenarios run against it in live mode, with the conformance plugin
            LiveFeatures.Outcomes outcomes = LiveFeatures.run(local.settings(), "@conflict and not @emulator-only",
                    ", dev.dataversebdd.conformance.ConformancePlugin:" + folder.resolve("conformance"), FEATURE);
            assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
            profile = Files.readString(folder.resolve("conformance/behaviour-profile.properties"));
        }
        // THEN the profile says the answers fit both modes, and claims neither
        assertThat(profile, containsString("# activity-party-put: undetermined, the answers fit replace-all and "
                + "replace-present-types"));
        assertThat(profile, not(containsString("\nactivity-party-put=")));
    }
}

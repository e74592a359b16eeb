package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Target;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of this issue: the emulator's limits, the degree of parallelism, the maximum wait, each checked. */
class PacingSettingsTest {

    private static Settings settings(Map<String, String> values) {
        return new Settings(values::get, Map.of());
    }

    @Test
    void should_switch_the_embedded_emulators_limits_on_from_the_setting() {
        try (Target target = Targets.fromConfiguration(settings(Map.of("dataverse.emulator.service-protection",
                "requests=7,time-scale=0.5")))) {
            EmbeddedEmulatorTarget emulator = (EmbeddedEmulatorTarget) target;
            assertThat(emulator.emulator().service().serviceProtection().orElseThrow().requests(), equalTo(7));
        }
        try (Target target = Targets.fromConfiguration(settings(Map.of()))) {
            assertThat("off by default", ((EmbeddedEmulatorTarget) target).emulator().service().serviceProtection()
                    .isPresent(), equalTo(false));
        }
    }

    @Test
    void should_refuse_wrong_values_naming_the_setting_and_the_form() {
        ConfigurationException limits = assertThrows(ConfigurationException.class, () -> Targets.fromConfiguration(
                settings(Map.of("dataverse.emulator.service-protection", "window=soon"))));
        assertThat(limits.getMessage(), containsString("dataverse.emulator.service-protection"));
        assertThat(limits.getMessage(), containsString("not a number for window"));
        ConfigurationException parallelism = assertThrows(ConfigurationException.class, () -> PacingSettings.parallelism(
                settings(Map.of("dataverse.parallelism", "0"))));
        assertThat(parallelism.getMessage(), containsString("takes a number from 1 to 64"));
        ConfigurationException wait = assertThrows(ConfigurationException.class, () -> PacingSettings.maxWait(
                settings(Map.of("dataverse.max-wait", "forever"))));
        assertThat(wait.getMessage(), containsString("takes a duration such as 15m, 90s or PT15M, not 'forever'"));
        assertThat(PacingSettings.maxWait(settings(Map.of("dataverse.max-wait", "90s"))), equalTo(Duration.ofSeconds(90)));
        assertThat(PacingSettings.maxWait(settings(Map.of())), equalTo(Duration.ofMinutes(15)));
    }
}

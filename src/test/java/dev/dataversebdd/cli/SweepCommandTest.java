package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.targets.ConfigurationException;
import dev.dataversebdd.targets.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sweep needs a live org: without its settings it would sweep a throw-away emulator and report it clean, so it
 * refuses to run, naming once every setting that is missing and how to set it.
 */
class SweepCommandTest {

    private static final String NOTHING_SET = """
            error: sweep works on a live org only, and these settings are missing:
              dataverse.target=live    -Ddataverse.target=live or DATAVERSE_TARGET=live
              dataverse.url            the org, e.g. https://contoso-test.crm.dynamics.com: -Ddataverse.url=... or DATAVERSE_URL=...
              dataverse.allowed-hosts  the org's host, e.g. contoso-test.crm.dynamics.com: -Ddataverse.allowed-hosts=... or DATAVERSE_ALLOWED_HOSTS=...
              credentials              -Ddataverse.token=... or DATAVERSE_TOKEN=..., or the app registration's DATAVERSE_TENANT_ID, DATAVERSE_CLIENT_ID and DATAVERSE_CLIENT_SECRET (or DATAVERSE_CLIENT_CERTIFICATE)
            They are the settings of the live run whose rows it removes (README, "Run against your org"); without them it would look at a throw-away emulator.
            """;

    @Test
    void should_refuse_to_sweep_without_live_settings_and_exit_2() throws Exception {
        // GIVEN no dataverse setting at all, as the README's mvn exec:java command runs it
        ProcessBuilder sweep = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SweepCommand.class.getName(), "--older-than", "2h");
        sweep.environment().keySet().removeIf(name -> name.startsWith("DATAVERSE_"));
        // WHEN
        Process process = sweep.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS), equalTo(true));
        // THEN it says once what is missing, and nothing was swept (no "0 leftover row(s)")
        assertThat(err, process.exitValue(), equalTo(2));
        assertThat(err, equalTo(NOTHING_SET));
        assertThat(out, emptyString());
    }

    @Test
    void should_name_only_the_settings_that_are_missing() {
        // GIVEN a live target with its org but no credentials
        Settings settings = new Settings(Map.of("dataverse.target", "live", "dataverse.url",
                "https://contoso-test.crm.dynamics.com", "dataverse.allowed-hosts", "contoso-test.crm.dynamics.com")::get,
                Map.of());
        // WHEN
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> SweepCommand.requireLiveSettings(settings));
        // THEN
        List<String> lines = refused.getMessage().lines().toList();
        assertThat(lines.get(0), equalTo("sweep works on a live org only, and this setting is missing:"));
        assertThat(lines.get(1), equalTo("  credentials              -Ddataverse.token=... or DATAVERSE_TOKEN=..., or the "
                + "app registration's DATAVERSE_TENANT_ID, DATAVERSE_CLIENT_ID and DATAVERSE_CLIENT_SECRET (or "
                + "DATAVERSE_CLIENT_CERTIFICATE)"));
        assertThat(lines.size(), equalTo(3));
    }

    @Test
    void should_say_which_target_it_was_given_instead_of_a_live_one() {
        // GIVEN everything of a live run but the target, which says emulator
        Settings settings = new Settings(Map.of("dataverse.target", "emulator", "dataverse.url",
                "https://contoso-test.crm.dynamics.com", "dataverse.allowed-hosts", "contoso-test.crm.dynamics.com",
                "dataverse.token", "t")::get, Map.of());
        // WHEN
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> SweepCommand.requireLiveSettings(settings));
        // THEN
        assertThat(refused.getMessage().lines().toList().get(1),
                equalTo("  dataverse.target=live    (it is 'emulator') -Ddataverse.target=live or DATAVERSE_TARGET=live"));
    }
}

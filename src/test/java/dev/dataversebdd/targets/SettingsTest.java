package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from where teams keep them, in a documented order, and a misspelt or misplaced one fails loudly. */
class SettingsTest {

    @TempDir
    Path classpath;

    private final List<String> propertiesSet = new java.util.ArrayList<>();

    @AfterEach
    void clearSystemProperties() {
        propertiesSet.forEach(System::clearProperty);
    }

    @Test
    void should_take_system_properties_before_junit_platform_properties_before_dataverse_properties() throws IOException {
        // GIVEN the same settings in three places
        file("junit-platform.properties", "dataverse.api-version=v9.1\ndataverse.retries=4\ncucumber.publish.quiet=true\n");
        file("dataverse.properties", "dataverse.api-version=v9.0\ndataverse.retries=2\ndataverse.run-tag=from-file\n");
        systemProperty("dataverse.api-version", "v8.2");
        // WHEN they are read
        Settings settings = onClasspath(Settings::fromSystem);
        // THEN each comes from the first place that has it
        assertThat(settings.get("dataverse.api-version"), equalTo(Optional.of("v8.2")));
        assertThat(settings.get("dataverse.retries"), equalTo(Optional.of("4")));
        assertThat(settings.get("dataverse.run-tag"), equalTo(Optional.of("from-file")));
    }

    @Test
    void should_take_the_environment_after_system_properties_and_before_the_files() {
        // GIVEN a setting in the environment, and the same in a system property for another
        Settings settings = new Settings(List.of(
                new SettingsSource("system property", Map.of("dataverse.url", "https://a.crm.dynamics.com")::get, Set.of(), false),
                SettingsSource.environment(Map.of("DATAVERSE_URL", "https://b.crm.dynamics.com",
                        "DATAVERSE_RETRIES", "3")),
                new SettingsSource("dataverse.properties", Map.of("dataverse.retries", "9")::get, Set.of(), true)));
        // THEN the system property wins over the environment, which wins over the file
        assertThat(settings.get("dataverse.url"), equalTo(Optional.of("https://a.crm.dynamics.com")));
        assertThat(settings.get("dataverse.retries"), equalTo(Optional.of("3")));
    }

    @Test
    void should_read_the_chosen_profile_first_and_the_plain_setting_otherwise() throws IOException {
        // GIVEN two orgs in one file, and the uat profile chosen
        file("dataverse.properties", """
                dataverse.profile=uat
                dataverse.url=https://dev.crm.dynamics.com
                dataverse.uat.url=https://uat.crm4.dynamics.com
                dataverse.prod.url=https://prod.crm4.dynamics.com
                dataverse.allowed-hosts=dev.crm.dynamics.com
                """);
        // WHEN they are read
        Settings settings = onClasspath(Settings::fromSystem);
        // THEN the profile's form wins, and a setting it lacks falls back to the plain one
        assertThat(settings.get("dataverse.url"), equalTo(Optional.of("https://uat.crm4.dynamics.com")));
        assertThat(settings.get("dataverse.allowed-hosts"), equalTo(Optional.of("dev.crm.dynamics.com")));
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> settings.require("dataverse.tenant-id", "the Entra tenant"));
        assertThat(missing.getMessage(), allOf(containsString("dataverse.uat.tenant-id for profile uat"),
                containsString("DATAVERSE_TENANT_ID"), containsString("dataverse.properties")));
    }

    @Test
    void should_refuse_a_misspelt_setting_naming_the_closest_and_where_it_was() throws IOException {
        // GIVEN a typo in junit-platform.properties, which would otherwise leave the default API version in place
        file("junit-platform.properties", "dataverse.api-verison=v9.0\n");
        // WHEN the settings are read
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> onClasspath(Settings::fromSystem));
        // THEN the run stops, naming the key, its place and the setting meant
        assertThat(refused.getMessage(), allOf(
                containsString("Unknown setting dataverse.api-verison (junit-platform.properties on the classpath)"),
                containsString("Did you mean dataverse.api-version?"), containsString("dataverse.<profile>.<name>")));
    }

    @Test
    void should_refuse_a_misspelt_system_property_and_a_misspelt_profile_setting() {
        systemProperty("dataverse.uat.ulr", "https://uat.crm.dynamics.com");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> onClasspath(Settings::fromSystem));
        assertThat(refused.getMessage(), containsString("Unknown setting dataverse.uat.ulr (system property)"));
    }

    @Test
    void should_refuse_a_secret_in_a_file_the_build_copies_into_target() throws IOException {
        // GIVEN a client secret written into dataverse.properties, in a profile's form
        file("dataverse.properties", "dataverse.uat.client-secret=do-not-keep-me-here\n");
        // WHEN the settings are read
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> onClasspath(Settings::fromSystem));
        // THEN the run stops, saying where to put it instead, without repeating the secret
        assertThat(refused.getMessage(), allOf(containsString("dataverse.uat.client-secret is a secret"),
                containsString("DATAVERSE_UAT_CLIENT_SECRET"), not(containsString("do-not-keep-me-here"))));
        // AND the leak scan still knows the value, to find it wherever it went
        assertThat(onClasspath(SecretSettings::values), org.hamcrest.Matchers.hasItem("do-not-keep-me-here"));
    }

    @Test
    void should_take_a_profile_secret_out_of_the_system_properties_and_still_read_it() {
        // GIVEN a profile's client secret given with -D
        systemProperty("dataverse.profile", "uat");
        systemProperty("dataverse.uat.client-secret", "uat-secret-value");
        // WHEN the settings are read
        Settings settings = onClasspath(Settings::fromSystem);
        // THEN it is no longer a system property (reports list those), yet the run reads it
        assertThat(System.getProperty("dataverse.uat.client-secret"), nullValue());
        assertThat(settings.get("dataverse.client-secret"), equalTo(Optional.of("uat-secret-value")));
        assertThat(SecretSettings.values(), org.hamcrest.Matchers.hasItem("uat-secret-value"));
    }

    @Test
    void should_name_the_accepted_values_of_a_bad_setting_from_a_file() throws IOException {
        file("dataverse.properties", "dataverse.target=lvie\n");
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> onClasspath(() -> Targets.fromConfiguration(Settings.fromSystem())));
        assertThat(refused.getMessage(), containsString("is 'lvie'; use 'emulator' (default) or 'live'"));
    }

    @Test
    void should_load_the_security_file_a_setting_names_and_name_the_setting_when_the_file_is_wrong() throws IOException {
        // GIVEN a security file with one user, named by the setting
        Path security = classpath.resolve("org-security.json");
        Files.writeString(security, "{\"users\":[{\"name\":\"Dana\",\"token\":\"dana-token\"}]}");
        systemProperty(Targets.EMULATOR_SECURITY, security.toString());
        // WHEN the emulator starts from configuration THEN Dana's row is there
        try (EmbeddedEmulatorTarget target = (EmbeddedEmulatorTarget) onClasspath(
                () -> Targets.fromConfiguration(Settings.fromSystem()))) {
            assertThat(target.emulator().service().rowCount(), equalTo(target.emulator().service().startupRowCount()));
            assertThat(target.emulator().service().startupRowCount(), equalTo(2));
        }
        // WHEN the file names a role that does not exist THEN the refusal names the setting, the file and the path
        Files.writeString(security, "{\"users\":[{\"name\":\"Dana\",\"roles\":[\"Salesperon\"]}]}");
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> onClasspath(() -> Targets.fromConfiguration(Settings.fromSystem())));
        assertThat(refused.getMessage(), allOf(containsString("Setting dataverse.emulator.security"),
                containsString("$.users[0].roles[0]: no role named 'Salesperon'")));
        // WHEN it names no file at all THEN the refusal says so
        systemProperty(Targets.EMULATOR_SECURITY, classpath.resolve("missing.json").toString());
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> onClasspath(() -> Targets.fromConfiguration(Settings.fromSystem())));
        assertThat(missing.getMessage(), containsString("which does not exist or cannot be read"));
    }

    private void file(String name, String text) throws IOException {
        Files.writeString(classpath.resolve(name), text);
    }

    private void systemProperty(String name, String value) {
        System.setProperty(name, value);
        propertiesSet.add(name);
    }

    /** Runs {@code work} with only the temporary folder on the classpath. */
    private <T> T onClasspath(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            return work.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}

package dev.dataversebdd.targets;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Reads dataverse-bdd settings. Each setting has one name, e.g. {@code dataverse.target}, looked up first as a
 * Java system property (also how Cucumber/JUnit platform properties reach it), then as an environment variable
 * in upper snake case ({@code DATAVERSE_TARGET}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Settings {

    private final Function<String, String> systemProperties;
    private final Map<String, String> environment;

    public Settings(Function<String, String> systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /**
     * System properties, then environment variables. Secret settings given as system properties are first moved into
     * memory ({@link SecretSettings}), so that no report that lists system properties can show them.
     */
    public static Settings fromSystem() {
        SecretSettings.takeFromSystemProperties();
        return new Settings(name -> {
            String value = System.getProperty(name);
            return value != null ? value : SecretSettings.held(name).orElse(null);
        }, System.getenv());
    }

    public Optional<String> get(String name) {
        String value = systemProperties.apply(name);
        if (value == null || value.isBlank()) {
            value = environment.get(environmentName(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String require(String name, String why) {
        return get(name).orElseThrow(() -> new ConfigurationException("Missing setting " + name + ": " + why
                + ". Set it with -D" + name + "=... or the environment variable " + environmentName(name) + "."));
    }

    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How a setting is named in both places, for messages. */
    public static String describe(String name) {
        return name + " (env " + environmentName(name) + ")";
    }
}

package dev.dataversebdd.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Reads dataverse-bdd settings. Each setting has one name, e.g. {@code dataverse.target}, looked up in this order,
 * the first value found winning:
 * <ol>
 *   <li>a Java system property ({@code -Ddataverse.target=live});</li>
 *   <li>an environment variable in upper snake case ({@code DATAVERSE_TARGET});</li>
 *   <li>{@code junit-platform.properties} on the test classpath, beside the JUnit Platform's own settings;</li>
 *   <li>{@code dataverse.properties} on the test classpath.</li>
 * </ol>
 * With {@code dataverse.profile=uat}, each source is asked for {@code dataverse.uat.url} before {@code dataverse.url},
 * so one file can describe several orgs. A {@code dataverse.*} name that is no setting fails the run, naming the
 * closest one; secrets are refused in the two files, which the build copies into {@code target/}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Settings {

    private final List<SettingsSource> sources;
    private final Optional<String> profile;

    /** System properties (or any lookup by name) and environment variables only: no files, no name checks. */
    public Settings(Function<String, String> systemProperties, Map<String, String> environment) {
        this(List.of(new SettingsSource("system property", systemProperties, Set.of(), false),
                SettingsSource.environment(environment)));
    }

    Settings(List<SettingsSource> sources) {
        this.sources = List.copyOf(sources);
        this.profile = plain(SettingNames.PROFILE);
    }

    /**
     * Every source, in the order above, with every {@code dataverse.*} name checked. Secret settings given as system
     * properties are first moved into memory ({@link SecretSettings}), so that no report that lists system
     * properties can show them.
     */
    public static Settings fromSystem() {
        SecretSettings.takeFromSystemProperties();
        List<SettingsSource> sources = new ArrayList<>();
        sources.add(SettingsSource.systemProperties(name -> {
            String value = System.getProperty(name);
            return value != null ? value : SecretSettings.held(name).orElse(null);
        }));
        sources.add(SettingsSource.environment(System.getenv()));
        SettingsSource.classpathFile("junit-platform.properties").ifPresent(sources::add);
        SettingsSource.classpathFile("dataverse.properties").ifPresent(sources::add);
        for (SettingsSource source : sources) {
            for (String name : source.names()) {
                SettingNames.check(name, source);
                SettingNames.refuseSecretInFile(name, source);
            }
        }
        return new Settings(sources);
    }

    /**
     * These settings with {@code name} set to {@code value}, ahead of every source: how a scenario tagged
     * {@code @metadata-dir:<folder>} gets its own emulator beside the run's.
     */
    public Settings with(String name, String value) {
        List<SettingsSource> all = new ArrayList<>();
        all.add(new SettingsSource("scenario tag", n -> n.equals(name) ? value : null, Set.of(), false));
        all.addAll(sources);
        return new Settings(all);
    }

    public Optional<String> get(String name) {
        for (SettingsSource source : sources) {
            Optional<String> value = profile.map(p -> "dataverse." + p + name.substring("dataverse".length()))
                    .flatMap(profiled -> valueIn(source, profiled)).or(() -> valueIn(source, name));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    public String require(String name, String why) {
        String where = SecretSettings.NAMES.contains(name)
                ? "-D" + name + "=... or the environment variable " + environmentName(name)
                : "-D" + name + "=..., the environment variable " + environmentName(name)
                        + " or a line in dataverse.properties on the test classpath";
        return get(name).orElseThrow(() -> new ConfigurationException("Missing setting " + name
                + profile.map(p -> " (or dataverse." + p + name.substring("dataverse".length()) + " for profile " + p + ")")
                        .orElse("")
                + ": " + why + ". Set it with " + where + "."));
    }

    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How a setting is named in both places, for messages. */
    public static String describe(String name) {
        return name + " (env " + environmentName(name) + ")";
    }

    static boolean isDataverseName(String name) {
        return name.startsWith("dataverse.");
    }

    private Optional<String> plain(String name) {
        return sources.stream().map(source -> valueIn(source, name)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> valueIn(SettingsSource source, String name) {
        String value = source.lookup().apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}

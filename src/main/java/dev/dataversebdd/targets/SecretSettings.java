package dev.dataversebdd.targets;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Keeps the secret settings (token, client secret, certificate and trust-store passwords) out of the JVM's system
 * properties: test runners write every system property into their reports (Surefire's and Failsafe's
 * {@code TEST-*.xml} under {@code target/}), so a secret given with {@code -D} would land there. Taken out as early
 * as possible (when the JUnit Platform session opens, see {@code report.SecretsSessionListener}, and on every read of
 * the settings) and kept in memory only.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SecretSettings {

    /** The settings whose values are secrets. */
    public static final List<String> NAMES = List.of(LiveOrgConfiguration.TOKEN, LiveOrgConfiguration.CLIENT_SECRET,
            LiveOrgConfiguration.CLIENT_CERTIFICATE_PASSWORD, LiveOrgConfiguration.AUTHORITY_TRUST_STORE_PASSWORD);

    private static final Map<String, String> HELD = new ConcurrentHashMap<>();

    private SecretSettings() {
    }

    /** Moves every secret setting found in the system properties (profile forms included) into memory. */
    public static synchronized void takeFromSystemProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (isSecret(name)) {
                HELD.put(name, System.getProperty(name));
                System.clearProperty(name);
            }
        }
    }

    static Optional<String> held(String name) {
        return Optional.ofNullable(HELD.get(name));
    }

    /**
     * Every secret value known to this JVM, for masking and leak scans: held, still in the system properties, in the
     * environment (any {@code DATAVERSE_*} variable named like a secret, other profiles' included), or in a settings
     * file on the classpath (which {@link Settings#fromSystem()} refuses, but which may be there all the same).
     */
    public static List<String> values() {
        Set<String> values = new LinkedHashSet<>(HELD.values());
        System.getProperties().stringPropertyNames().stream().filter(SecretSettings::isSecret)
                .map(System::getProperty).forEach(values::add);
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("DATAVERSE_") && NAMES.stream().map(secret -> Settings.environmentName(secret)
                    .substring("DATAVERSE".length())).anyMatch(name::endsWith)) {
                values.add(value);
            }
        });
        for (String file : List.of("junit-platform.properties", "dataverse.properties")) {
            try {
                SettingsSource.classpathFile(file).ifPresent(source -> source.names().stream()
                        .filter(SecretSettings::isSecret).map(source.lookup()).forEach(values::add));
            } catch (ConfigurationException unreadable) {
                // an unreadable file holds no value to mask
            }
        }
        values.removeIf(value -> value == null || value.isBlank());
        return List.copyOf(values);
    }

    /** A secret setting's name, plain or in a profile's form ({@code dataverse.uat.client-secret}). */
    static boolean isSecret(String name) {
        return Settings.isDataverseName(name) && SettingNames.meaning(name).filter(NAMES::contains).isPresent();
    }
}

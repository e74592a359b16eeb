package dev.dataversebdd.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Moves every secret setting found in the system properties into memory. */
    public static synchronized void takeFromSystemProperties() {
        for (String name : NAMES) {
            String value = System.getProperty(name);
            if (value != null) {
                HELD.put(name, value);
                System.clearProperty(name);
            }
        }
    }

    static Optional<String> held(String name) {
        return Optional.ofNullable(HELD.get(name));
    }

    /** Every secret value known to this JVM (held, or in the environment), for masking and leak scans. */
    public static List<String> values(Settings settings) {
        return NAMES.stream().map(settings::get).flatMap(Optional::stream).toList();
    }
}

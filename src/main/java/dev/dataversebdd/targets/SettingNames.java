package dev.dataversebdd.targets;

import dev.dataversebdd.wire.EditDistance;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every setting dataverse-bdd reads, so that a misspelt one fails the run instead of being silently ignored (a
 * {@code dataverse.api-verison} that leaves the default in place would make a run test something else than asked).
 * With profiles, {@code dataverse.<profile>.<name>} is the per-profile form of {@code dataverse.<name>}.
 */
final class SettingNames {

    static final String PROFILE = "dataverse.profile";

    static final List<String> KNOWN = List.copyOf(new TreeSet<>(List.of(PROFILE, Targets.TARGET, Targets.API_VERSION,
            Targets.EMULATOR_METADATA, Targets.EMULATOR_METADATA_DIR, Targets.EMULATOR_SECURITY, Targets.EMULATOR_BEHAVIOUR,
            Targets.EMULATOR_BEHAVIOUR_FILE, Targets.EMULATOR_SERVICE_PROTECTION, Targets.SHARD, Targets.SHARD_DURATIONS,
            Targets.RECORD, Targets.COMPARE_WITH, LiveOrgConfiguration.URL,
            LiveOrgConfiguration.ALLOWED_HOSTS, LiveOrgConfiguration.AUTH, LiveOrgConfiguration.TOKEN, LiveOrgConfiguration.TENANT_ID,
            LiveOrgConfiguration.CLIENT_ID, LiveOrgConfiguration.CLIENT_SECRET, LiveOrgConfiguration.CLIENT_CERTIFICATE,
            LiveOrgConfiguration.CLIENT_CERTIFICATE_PASSWORD, LiveOrgConfiguration.AUTHORITY,
            LiveOrgConfiguration.AUTHORITY_TRUST_STORE, LiveOrgConfiguration.AUTHORITY_TRUST_STORE_PASSWORD,
            LiveOrgConfiguration.RETRIES, LiveOrgConfiguration.RUN_TAG, LiveOrgConfiguration.EXISTING_ROWS,
            LiveOrgConfiguration.LEDGER_DIR, PacingSettings.PARALLELISM, PacingSettings.MAX_WAIT)));

    private SettingNames() {
    }

    /** The setting a name stands for: itself, or for {@code dataverse.uat.url} the profile form of {@code dataverse.url}. */
    static Optional<String> meaning(String name) {
        if (KNOWN.contains(name)) {
            return Optional.of(name);
        }
        String rest = name.substring("dataverse.".length());
        int dot = rest.indexOf('.');
        if (dot > 0) {
            String plain = "dataverse." + rest.substring(dot + 1);
            if (KNOWN.contains(plain) && !plain.equals(PROFILE)) {
                return Optional.of(plain);
            }
        }
        return Optional.empty();
    }

    /** Refuses a name that is no setting, naming the closest one. */
    static void check(String name, SettingsSource source) {
        if (meaning(name).isPresent()) {
            return;
        }
        String closest = KNOWN.stream().min(Comparator.comparingInt(known -> EditDistance.between(known, name))).orElseThrow();
        String hint = EditDistance.between(closest, name) <= 3 ? "Did you mean " + closest + "? " : "";
        throw new ConfigurationException("Unknown setting " + name + " (" + source.where() + "). " + hint
                + "The settings are: " + String.join(", ", KNOWN) + "; with a profile, dataverse.<profile>.<name>.");
    }

    /** Refuses a secret in a file the build copies into {@code target/}. */
    static void refuseSecretInFile(String name, SettingsSource source) {
        if (source.copiedIntoTarget() && meaning(name).filter(SecretSettings.NAMES::contains).isPresent()) {
            throw new ConfigurationException("Setting " + name + " is a secret and is in " + source.where()
                    + ", which the build copies into target/. Remove it there and set it with the environment variable "
                    + Settings.environmentName(name) + " (or -D" + name + "=...).");
        }
    }
}

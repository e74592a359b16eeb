package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Chooses the target from configuration: the embedded emulator unless {@code dataverse.target=live}.
 *
 * <pre>{@code
 * Target target = Targets.fromConfiguration(Settings.fromSystem());
 * }</pre>
 *
 * <table>
 *   <caption>Settings (where they are read from, in which order, and profiles: see {@link Settings})</caption>
 *   <tr><td>dataverse.target</td><td>{@code emulator} (default) or {@code live}</td></tr>
 *   <tr><td>dataverse.api-version</td><td>{@code v9.2} (default), any of v8.0–v8.2, v9.0–v9.2</td></tr>
 *   <tr><td>dataverse.emulator.metadata</td><td>path of an org's {@code $metadata} file for the emulator</td></tr>
 *   <tr><td>dataverse.emulator.metadata-dir</td><td>a folder {@code metadata pull} wrote (the org's
 *       {@code $metadata} with its table and relationship definitions), instead of the metadata file</td></tr>
 *   <tr><td>dataverse.emulator.security</td><td>path of a security file (business units, roles, users, teams) the
 *       emulator loads at start-up and at every reset; see src/site/markdown/security.md</td></tr>
 *   <tr><td>dataverse.record</td><td>a file to record every exchange to, redacted (replay it with conformance replay)</td></tr>
 *   <tr><td>dataverse.emulator.behaviour-file</td><td>a behaviour profile file (a live conformance run writes one)</td></tr>
 *   <tr><td>dataverse.emulator.behaviour</td><td>{@code name=mode,…} behaviour switches for the emulator, after the file</td></tr>
 *   <tr><td>dataverse.emulator.service-protection</td><td>{@code on}, or {@code key=value,…}: the emulator models the
 *   service protection limits (performance.md)</td></tr>
 *   <tr><td>dataverse.url, dataverse.allowed-hosts, dataverse.token, dataverse.tenant-id, …</td>
 *       <td>a live org: see {@link LiveOrgConfiguration}</td></tr>
 * </table>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Targets {

    public static final String TARGET = "dataverse.target";
    public static final String API_VERSION = "dataverse.api-version";
    public static final String EMULATOR_METADATA = "dataverse.emulator.metadata";
    public static final String EMULATOR_METADATA_DIR = "dataverse.emulator.metadata-dir";
    public static final String EMULATOR_SECURITY = "dataverse.emulator.security";
    public static final String EMULATOR_BEHAVIOUR = "dataverse.emulator.behaviour";
    public static final String EMULATOR_BEHAVIOUR_FILE = "dataverse.emulator.behaviour-file";
    public static final String EMULATOR_SERVICE_PROTECTION = "dataverse.emulator.service-protection";
    /** {@code i/n}: run the i-th of n shards of the Cucumber suite (dev.dataversebdd.junit.ShardFilter). */
    public static final String SHARD = "dataverse.shard";
    /** An earlier run's cucumber.json, to balance the shards by time. */
    public static final String SHARD_DURATIONS = "dataverse.shard-durations";
    public static final String RECORD = "dataverse.record";
    /** Read by the build ({@code -Ddataverse.compare-with=emulator}: the differential run), known here so it is no typo. */
    public static final String COMPARE_WITH = "dataverse.compare-with";
    private static final Set<String> VERSIONS = Set.of("v8.0", "v8.1", "v8.2", "v9.0", "v9.1", "v9.2");

    private Targets() {
    }

    /**
     * Connects to {@code target} as {@code settings} ask: with {@code dataverse.record=<file>} every exchange of the
     * connection's sessions is also recorded there (see {@link dev.dataversebdd.report.Recording}).
     */
    public static Dataverse connect(Target target, Settings settings) {
        Dataverse dataverse = Dataverse.connect(target);
        settings.get(RECORD).ifPresent(file -> dataverse.recordTo(Path.of(file)));
        return dataverse;
    }

    /**
     * The degree of parallelism {@code dataverse.parallelism} sets (default 4): scenarios at once
     * ({@code DataverseParallelism}) and a live run's requests in flight at most.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public static int parallelism(Settings settings) {
        return PacingSettings.parallelism(settings);
    }

    public static Target fromConfiguration(Settings settings) {
        String kind = settings.get(TARGET).orElse("emulator");
        String version = settings.get(API_VERSION).orElse("v9.2");
        if (!VERSIONS.contains(version)) {
            throw new ConfigurationException("Setting " + Settings.describe(API_VERSION) + " is '" + version
                    + "'; use one of " + VERSIONS.stream().sorted().toList() + ".");
        }
        return switch (kind) {
            case "emulator" -> embeddedEmulator(settings, version);
            case "live" -> LiveOrgConfiguration.read(settings, version);
            default -> throw new ConfigurationException("Setting " + Settings.describe(TARGET) + " is '" + kind
                    + "'; use 'emulator' (default) or 'live'.");
        };
    }

    private static Target embeddedEmulator(Settings settings, String version) {
        Path metadata = settings.get(EMULATOR_METADATA).map(Path::of).orElse(null);
        Path folder = settings.get(EMULATOR_METADATA_DIR).map(Path::of).orElse(null);
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_METADATA_DIR) + " names '" + folder
                    + "', which is not a folder (relative paths start at " + Path.of("").toAbsolutePath()
                    + "). Write one with: metadata pull --url <org> --out " + folder);
        }
        metadata = folder != null ? folder : metadata;
        if (metadata != null && !Files.isReadable(metadata)) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_METADATA) + " names '" + metadata
                    + "', which does not exist or cannot be read (relative paths start at " + Path.of("").toAbsolutePath()
                    + "). Download it with GET [org]/api/data/v9.2/$metadata.");
        }
        Path security = settings.get(EMULATOR_SECURITY).map(Path::of).orElse(null);
        if (security != null && !Files.isReadable(security)) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_SECURITY) + " names '" + security
                    + "', which does not exist or cannot be read (relative paths start at " + Path.of("").toAbsolutePath()
                    + "). src/site/markdown/security.md shows the file's form.");
        }
        BehaviourProfile profile = BehaviourProfile.defaults();
        try {
            profile = settings.get(EMULATOR_BEHAVIOUR_FILE).map(file -> BehaviourProfile.defaults().withFile(Path.of(file)))
                    .orElse(profile);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_BEHAVIOUR_FILE) + ": " + e.getMessage()
                    + " (a live conformance run writes one to reports/conformance/behaviour-profile.properties)");
        }
        try {
            profile = profile.withAll(settings.get(EMULATOR_BEHAVIOUR).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_BEHAVIOUR) + ": " + e.getMessage());
        }
        ServiceProtection limits;
        try {
            limits = settings.get(EMULATOR_SERVICE_PROTECTION).map(ServiceProtection::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting " + Settings.describe(EMULATOR_SERVICE_PROTECTION) + ": "
                    + e.getMessage());
        }
        try {
            EmbeddedEmulatorTarget target = EmbeddedEmulatorTarget.start(metadata, security, profile, version,
                    RetryPolicy.standard(LiveOrgConfiguration.retries(settings, 0)));
            target.emulator().service().serviceProtection(limits);
            return target;
        } catch (IllegalArgumentException e) {
            // The emulator checks both files at start-up; a security file's refusal names the file it read.
            String setting = security != null && e.getMessage() != null && e.getMessage().startsWith("security file")
                    ? EMULATOR_SECURITY : EMULATOR_METADATA;
            throw new ConfigurationException("Setting " + Settings.describe(setting) + ": " + e.getMessage());
        }
    }
}

package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.ExistingRow;
import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The default target: a {@link DataverseEmulator} in this JVM on 127.0.0.1. No org, no network, no setup.
 *
 * <pre>{@code
 * try (Target target = EmbeddedEmulatorTarget.start(null, BehaviourProfile.defaults(), "v9.2", RetryPolicy.NONE)) { … }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class EmbeddedEmulatorTarget implements Target {

    private final DataverseEmulator emulator;
    private final String version;
    private final RetryPolicy retryPolicy;

    private EmbeddedEmulatorTarget(DataverseEmulator emulator, String version, RetryPolicy retryPolicy) {
        this.emulator = emulator;
        this.version = version;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Starts an emulator with the built-in schema, or the org's {@code $metadata} at {@code metadata} when given.
     */
    public static EmbeddedEmulatorTarget start(Path metadata, BehaviourProfile profile, String version,
                                               RetryPolicy retryPolicy) {
        return start(metadata, null, profile, version, retryPolicy);
    }

    /** As {@link #start(Path, BehaviourProfile, String, RetryPolicy)}, with a security file (null for none). */
    public static EmbeddedEmulatorTarget start(Path metadata, Path security, BehaviourProfile profile, String version,
                                               RetryPolicy retryPolicy) {
        DataverseEmulator.Builder builder = DataverseEmulator.builder().profile(profile);
        if (metadata != null) {
            builder.metadata(metadata);
        }
        if (security != null) {
            builder.security(security);
        }
        return new EmbeddedEmulatorTarget(builder.start(), version, retryPolicy);
    }

    /** Wraps an emulator the caller started (and stops); no retries, so injected faults reach the test. */
    public static EmbeddedEmulatorTarget of(DataverseEmulator emulator) {
        return of(emulator, RetryPolicy.NONE);
    }

    public static EmbeddedEmulatorTarget of(DataverseEmulator emulator, RetryPolicy retryPolicy) {
        return new EmbeddedEmulatorTarget(emulator, "v9.2", retryPolicy);
    }

    public DataverseEmulator emulator() {
        return emulator;
    }

    @Override
    public String serviceRoot() {
        return emulator.baseUri() + "/api/data/" + version;
    }

    @Override
    public String description() {
        return "embedded emulator at " + emulator.baseUri() + " (api " + version + ")";
    }

    @Override
    public Map<String, String> requestHeaders() {
        return Map.of();
    }

    @Override
    public Map<String, String> reportFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Target", "embedded emulator");
        facts.put("Service root", serviceRoot());
        facts.put("API version", version);
        // Only the switched behaviours: the defaults are Dataverse's documented behaviour.
        BehaviourProfile defaults = BehaviourProfile.defaults();
        emulator.service().profile().asMap().forEach((key, mode) -> {
            if (!mode.equals(defaults.asMap().get(key))) {
                facts.put("Behaviour " + key, mode);
            }
        });
        return facts;
    }

    @Override
    public boolean isSharedWithOthers() {
        return false;
    }

    @Override
    public boolean switchesBehaviours() {
        return true;
    }

    @Override
    public Optional<String> behaviourMode(String behaviourKey) {
        return Optional.of(emulator.service().profile().mode(Behaviour.byKey(behaviourKey)));
    }

    @Override
    public byte[] metadataDocument() {
        return emulator.service().schema().document();
    }

    @Override
    public List<String> secrets() {
        return List.of();
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public String rowNamePrefix() {
        return "";
    }

    @Override
    public List<ExistingRow> existingRows() {
        return List.of();
    }

    @Override
    public void close() {
        emulator.close();
    }
}

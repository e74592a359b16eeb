package dev.dataversebdd.dsl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where scenarios send their requests: the embedded emulator or a live org. The DSL talks only to this
 * interface, so the same scenarios and assertions run against either.
 *
 * <pre>{@code
 * Target target = Targets.fromConfiguration(Settings.fromSystem());   // emulator unless configured for a live org
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Target extends AutoCloseable {

    /** The service root without a trailing slash, e.g. {@code http://127.0.0.1:51234/api/data/v9.2}. */
    String serviceRoot();

    /** One line for failure messages, e.g. {@code embedded emulator at http://127.0.0.1:51234 (api v9.2)}. */
    String description();

    /** Headers every request carries (authorization for a live org). Values are secrets: never log them. */
    Map<String, String> requestHeaders();

    /**
     * True when the target holds rows the run did not create and must never harm (a live org): every write then goes
     * through the live-safety guard, and cleanup is cascade-aware. False for a target whose rows are all disposable.
     */
    boolean isSharedWithOthers();

    /**
     * True when the target takes a per-request switch of its [CONFLICT]/[INF] behaviours (the emulator's
     * {@code X-Emulator-Behaviour} header); a live org behaves as it does, and scenarios observe which way.
     */
    boolean switchesBehaviours();

    /**
     * The mode the target is configured to show for a [CONFLICT]/[INF] behaviour (emulator only); empty for a
     * live org, whose behaviour is observed rather than configured.
     */
    Optional<String> behaviourMode(String behaviourKey);

    /** The CSDL {@code $metadata} document, fetched once. */
    byte[] metadataDocument();

    /** Values to mask wherever text leaves the process: tokens, client secrets, certificate passwords. */
    List<String> secrets();

    /** Retries for 429 (service protection) and passing 502/503. */
    RetryPolicy retryPolicy();

    /**
     * How the run paces itself for the target's service protection limits (a live org); empty to send each request as
     * soon as it is asked for, retried on its own (the embedded emulator).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    default Optional<Pacing> pacing() {
        return Optional.empty();
    }

    /**
     * Prefix of the name of every row the run creates (e.g. {@code dvbdd-20261122T031500Z-4f2a }) so a sweep can find
     * leftovers of a killed run; empty on the emulator.
     */
    String rowNamePrefix();

    /**
     * What a report's overview says about this target (Allure's Environment widget): its kind, host, API version and
     * whatever else tells one run's conditions from another's. Never a secret.
     */
    default Map<String, String> reportFacts() {
        return Map.of("Target", description());
    }

    /** Rows of the org that scenarios may use by alias without having created them; never deleted. */
    List<ExistingRow> existingRows();

    /**
     * The folder of the write-ahead run ledgers ({@code <run id>.jsonl}) of a live org, from which a sweep finishes
     * a killed run's cleanup; empty for the embedded emulator, whose rows are disposable.
     */
    default Optional<Path> runLedgerFolder() {
        return Optional.empty();
    }

    @Override
    void close();
}

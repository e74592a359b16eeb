package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.RetryDecision;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How to ride out Dataverse's service protection limits (429 with {@code Retry-After}) and passing 502/503:
 * at most {@code maxRetries} more attempts, waiting {@code Retry-After} when given, else an exponential backoff
 * from {@code firstBackoff}, never longer than {@code maxWait} at a time.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxWait) {

    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    /** 429 is retried for every method (the request was not processed); 502/503 only for idempotent ones. */
    public boolean shouldRetry(String method, int status, int attempt) {
        return decision().shouldRetry(method, status, attempt);
    }

    /** How long to wait before attempt {@code attempt} (1 for the first retry). */
    public Duration wait(String retryAfter, int attempt) {
        return decision().wait(retryAfter, attempt);
    }

    /** The decision itself lives on the client's bottom floor, where the channel and the targets share it. */
    private RetryDecision decision() {
        return new RetryDecision(maxRetries, firstBackoff, maxWait);
    }
}

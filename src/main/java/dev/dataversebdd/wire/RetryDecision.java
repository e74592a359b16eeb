package dev.dataversebdd.wire;

import dev.dataversebdd.report.StatusText;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * When a request is sent again: 429 (service protection) for every method, 502/503 for idempotent ones, at most
 * {@code maxRetries} more attempts, waiting {@code Retry-After} when given, else an exponential backoff from
 * {@code firstBackoff}, never longer than {@code maxWait} at a time. The channel and a target's own supporting
 * requests ({@code $metadata}) share the decision and its loop ({@link #call}), which logs every retry.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record RetryDecision(int maxRetries, Duration firstBackoff, Duration maxWait) {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd");

    /** Sends once, never again. */
    public static final RetryDecision NEVER = new RetryDecision(0, Duration.ZERO, Duration.ZERO);

    /** 429 is retried for every method (the request was not processed); 502/503 only for idempotent ones. */
    public boolean shouldRetry(String method, int status, int attempt) {
        if (attempt > maxRetries) {
            return false;
        }
        if (status == 429) {
            return true;
        }
        boolean idempotent = method.equals("GET") || method.equals("PUT") || method.equals("DELETE");
        return idempotent && (status == 502 || status == 503);
    }

    /** How long to wait before attempt {@code attempt} (1 for the first retry); {@code Retry-After} in either form. */
    public Duration wait(String retryAfter, int attempt) {
        Duration wait = RetryAfter.parse(retryAfter, System.currentTimeMillis())
                .orElse(firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /**
     * Sends with {@code attempt} until the answer is not one to retry, or the retries are spent; returns the last
     * answer. Every retry is logged (a warning: never silent); an interrupt while waiting stops the loop instead of
     * being swallowed and retried through.
     *
     * @param what names the request in the log and the interrupt's message, e.g. {@code GET /api/data/v9.2/$metadata}
     */
    public <R> R call(String method, String what, Supplier<R> attempt, ToIntFunction<R> status,
                      Function<R, String> retryAfter) {
        for (int n = 1; ; n++) {
            R answer = attempt.get();
            int answered = status.applyAsInt(answer);
            if (!shouldRetry(method, answered, n)) {
                return answer;
            }
            Duration wait = wait(retryAfter.apply(answer), n);
            LOG.log(System.Logger.Level.WARNING, String.format("dataverse-bdd: %s on %s; retry %d of %d in %d ms",
                    StatusText.of(answered), what, n, maxRetries, wait.toMillis()));
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry " + what, e);
            }
        }
    }
}

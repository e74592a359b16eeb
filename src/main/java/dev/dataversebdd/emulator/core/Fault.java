package dev.dataversebdd.emulator.core;

import org.apiguardian.api.API;

/**
 * An answer the emulator gives instead of serving the next {@code times} requests, e.g. Dataverse's service
 * protection limit: {@code new Fault(429, 2, 3)} answers three requests with 429 and {@code Retry-After: 2}.
 * The requests of a {@code $batch} count one by one after the batch itself, so
 * {@code new Fault(500, null, 1, 2)} lets the batch and its first part through and fails its second part.
 *
 * @param retryAfterSeconds null for no {@code Retry-After} header
 * @param after             requests to serve normally before the fault applies
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Fault(int status, Integer retryAfterSeconds, int times, int after) {

    /**
     * One 429 as the service protection limits answer it ({@code 0x80072322}, {@code Retry-After}), for the next
     * request; with the emulator's limits on, the caller then serves that penalty like any other.
     */
    public static Fault serviceProtection(int retryAfterSeconds) {
        return new Fault(429, retryAfterSeconds, 1);
    }

    public Fault(int status, Integer retryAfterSeconds, int times) {
        this(status, retryAfterSeconds, times, 0);
    }

    public Fault {
        if (after < 0) {
            throw new IllegalArgumentException("a fault cannot apply after a negative number of requests: " + after);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status must be 4xx or 5xx, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("a fault must apply to at least one request, not " + times);
        }
    }

    DataverseException asError() {
        return switch (status) {
            case 429 -> new DataverseException(429, "0x80072322",
                    "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
            case 503 -> new DataverseException(503, "0x80040216", "The service is temporarily unavailable.");
            default -> new DataverseException(status, "0x80040216", "Injected fault " + status + ".");
        };
    }
}

package dev.dataversebdd.emulator.core;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A pause before serving the next {@code times} requests, after letting {@code after} requests through: a slow
 * request, where {@link DataverseService#latency} slows every one. The requests of a {@code $batch} count one by one
 * after the batch itself, so {@code new Delay(Duration.ofMillis(500), 1, 2)} slows the batch's second part only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Delay(Duration duration, int times, int after) {

    public Delay {
        if (duration.isNegative() || duration.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("a delay must be between 0 and 5 minutes, not " + duration);
        }
        if (times < 1 || after < 0) {
            throw new IllegalArgumentException("a delay applies to at least one request (times " + times
                    + "), after zero or more (after " + after + ")");
        }
    }
}

package dev.dataversebdd.dsl;

import java.nio.file.Path;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How a run against a shared org paces itself: every thread of the run (and every JVM of the machine, through
 * {@code stateFile}) waits out a penalty once any request is told to wait, at most {@code maxInFlight} requests are in
 * flight at once, and a request that would wait longer than {@code maxWait} in all fails the run with a clear message.
 *
 * @param stateFile the file JVMs of one machine share penalties through, e.g. {@code target/dataverse-bdd/pacing.state};
 *                  null for this JVM alone
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Pacing(Duration maxWait, int maxInFlight, Path stateFile) {

    public Pacing {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight, not " + maxInFlight);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("the maximum wait cannot be negative: " + maxWait);
        }
    }
}

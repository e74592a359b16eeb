package dev.dataversebdd.emulator.core.limits;

import org.apiguardian.api.API;

/**
 * What the service protection limits did, every caller together.
 *
 * @param served        requests admitted
 * @param refused       requests answered 429
 * @param duringPenalty of those, the ones that came while their caller was told to wait (a client that does not pace
 *                      itself; each one lengthened the penalty)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Tally(long served, long refused, long duringPenalty) {
}

package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.ops.Responses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the test surface injects between a request and its answer: the latency every request waits, the delays and
 * faults queued for particular requests. The requests of a {@code $batch} count one by one after the batch itself.
 */
final class FaultsAndDelays {

    private final Countdown<Fault> faults = new Countdown<>();
    private final Countdown<Duration> delays = new Countdown<>();
    private volatile Duration latency = Duration.ZERO;

    void inject(Fault fault) {
        faults.add(fault, fault.times(), fault.after());
    }

    void inject(Delay delay) {
        delays.add(delay.duration(), delay.times(), delay.after());
    }

    void latency(Duration delay) {
        latency = delay;
    }

    /** Drops pending faults and delays, and the latency. */
    void clear() {
        faults.clear();
        delays.clear();
        latency = Duration.ZERO;
    }

    boolean delaysRequests() {
        return !latency.isZero() || !delays.isEmpty();
    }

    /** Waits what a request owes (the latency and its delay); then its fault as the answer, or empty to serve it. */
    Optional<EmulatorResponse> beforeRequest() {
        pause(latency.plus(delays.next().orElse(Duration.ZERO)));
        return faults.next().map(FaultsAndDelays::answer);
    }

    /** The same for a part of a {@code $batch}, which the batch's latency has already covered. */
    Optional<EmulatorResponse> beforePart() {
        pause(delays.next().orElse(Duration.ZERO));
        return faults.next().map(FaultsAndDelays::answer);
    }

    private static EmulatorResponse answer(Fault fault) {
        EmulatorResponse error = Responses.error(fault.asError());
        if (fault.retryAfterSeconds() == null) {
            return error;
        }
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        return new EmulatorResponse(error.status(), headers, error.body());
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

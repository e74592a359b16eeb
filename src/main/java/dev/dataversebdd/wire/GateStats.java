package dev.dataversebdd.wire;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a {@link Gate} counted, for the run summary. */
final class GateStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong pausedMillis = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong heldMillis = new AtomicLong();
    private final AtomicLong backoffs = new AtomicLong();
    private final AtomicLong backoffMillis = new AtomicLong();

    void sent(int inFlight) {
        requests.incrementAndGet();
        peakInFlight.accumulateAndGet(inFlight, Math::max);
    }

    void throttled(long addedPauseMillis) {
        throttled.incrementAndGet();
        pausedMillis.addAndGet(addedPauseMillis);
    }

    void held(long millis) {
        held.incrementAndGet();
        heldMillis.addAndGet(millis);
    }

    void backedOff(long millis) {
        backoffs.incrementAndGet();
        backoffMillis.addAndGet(millis);
    }

    String summary() {
        return String.format("%d requests (at most %d in flight); %d answered 429, the run paused %.1f s in all; "
                + "%d requests held for a penalty, %.1f s summed over threads; %d backoffs for 502/503, %.1f s",
                requests.get(), peakInFlight.get(), throttled.get(), pausedMillis.get() / 1000.0, held.get(),
                heldMillis.get() / 1000.0, backoffs.get(), backoffMillis.get() / 1000.0);
    }
}

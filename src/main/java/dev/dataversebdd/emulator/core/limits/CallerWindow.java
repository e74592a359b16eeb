package dev.dataversebdd.emulator.core.limits;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One caller's sliding window: when each of its requests started and how long it took, how many are in flight, and
 * until when it is serving a penalty. All times in real nanoseconds; the limits are scaled to them once.
 */
final class CallerWindow {

    static final String REQUESTS = "0x80072322";
    static final String EXECUTION_TIME = "0x80072321";
    static final String CONCURRENCY = "0x80072326";

    private final ServiceProtection limits;
    private final LongSupplier clock;
    private final Limiter.Counts counts;
    private final long window;
    private final long executionLimit;
    private final long extension;
    /** {start, execution} per request in the window, oldest first; execution is 0 until the request is done. */
    private final ArrayDeque<long[]> requests = new ArrayDeque<>();
    private long executionSum;
    private int inFlight;
    private long penaltyUntil = Long.MIN_VALUE;
    private String penaltyCode;

    CallerWindow(ServiceProtection limits, LongSupplier clock, Limiter.Counts counts) {
        this.limits = limits;
        this.counts = counts;
        this.clock = clock;
        this.window = limits.realNanos(limits.window());
        this.executionLimit = limits.realNanos(limits.executionTime());
        this.extension = limits.realNanos(limits.penaltyExtension());
    }

    synchronized Limiter.Admission admit(long now) {
        evict(now);
        if (now < penaltyUntil) {
            // told to wait and sent anyway: the penalty grows [INF]
            penaltyUntil += extension;
            counts.duringPenalty.incrementAndGet();
            return refusal(penaltyCode, penaltyUntil - now, now);
        }
        if (requests.size() >= limits.requests()) {
            return penalty(REQUESTS, requests.peekFirst()[0] + window, now);
        }
        if (executionSum >= executionLimit) {
            long sum = executionSum;
            long until = now;
            for (long[] request : requests) {
                sum -= request[1];
                until = request[0] + window;
                if (sum < executionLimit) {
                    break;
                }
            }
            return penalty(EXECUTION_TIME, until, now);
        }
        if (inFlight >= limits.concurrent()) {
            // no penalty: a place is free as soon as one of the caller's requests is answered
            return refusal(CONCURRENCY, limits.realNanos(java.time.Duration.ofSeconds(1)), now);
        }
        long[] request = {now, 0};
        requests.addLast(request);
        inFlight++;
        counts.served.incrementAndGet();
        return new Served(this, request);
    }

    synchronized void penalise(long now, long nanos) {
        if (now + nanos > penaltyUntil) {
            penaltyUntil = now + nanos;
            penaltyCode = REQUESTS;
        }
    }

    private Limiter.Admission penalty(String code, long until, long now) {
        penaltyUntil = until;
        penaltyCode = code;
        return refusal(code, until - now, now);
    }

    private Limiter.Admission refusal(String code, long waitNanos, long now) {
        counts.refused.incrementAndGet();
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", String.valueOf(seconds));
        headers.putAll(pacing());
        Limiter.Refusal refusal = new Limiter.Refusal(code, message(code), seconds, headers);
        return new Limiter.Admission() {
            @Override
            public boolean refused() {
                return true;
            }

            @Override
            public Limiter.Refusal refusal() {
                return refusal;
            }

            @Override
            public Map<String, String> finish() {
                return refusal.headers();
            }
        };
    }

    synchronized Map<String, String> done(long[] request, long now) {
        inFlight--;
        // a request still in the window adds its execution time; one evicted meanwhile no longer counts
        if (request[0] >= now - window) {
            request[1] = Math.max(1, now - request[0]);
            executionSum += request[1];
        }
        evict(now);
        return pacing();
    }

    private void evict(long now) {
        while (!requests.isEmpty() && requests.peekFirst()[0] < now - window) {
            executionSum -= requests.pollFirst()[1];
        }
    }

    /** The headers Dataverse puts on every answer: what is left of the window's requests and time, and the hint. */
    private Map<String, String> pacing() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ms-ratelimit-burst-remaining-xrm-requests",
                String.valueOf(Math.max(0, limits.requests() - requests.size())));
        double remainingSeconds = Math.max(0, executionLimit - executionSum) / limits.timeScale() / 1e9;
        headers.put("x-ms-ratelimit-time-remaining-xrm-requests", String.format(Locale.ROOT, "%.2f", remainingSeconds));
        headers.put("x-ms-dop-hint", String.valueOf(limits.dopHint()));
        return headers;
    }

    /** The limits page's messages, with this emulator's numbers in them. */
    private String message(String code) {
        long windowSeconds = limits.window().toSeconds();
        return switch (code) {
            case REQUESTS -> "Number of requests exceeded the limit of " + limits.requests() + " over time window of "
                    + windowSeconds + " seconds.";
            case EXECUTION_TIME -> String.format(Locale.ROOT, "Combined execution time of incoming requests exceeded limit "
                    + "of %,d milliseconds over time window of %d seconds. Decrease number of concurrent requests or "
                    + "reduce the duration of requests and try again later.", limits.executionTime().toMillis(), windowSeconds);
            default -> "Number of concurrent requests exceeded the limit of " + limits.concurrent() + ".";
        };
    }

    /** A served request's permit. */
    private static final class Served implements Limiter.Admission {
        private final CallerWindow window;
        private final long[] request;

        Served(CallerWindow window, long[] request) {
            this.window = window;
            this.request = request;
        }

        @Override
        public boolean refused() {
            return false;
        }

        @Override
        public Limiter.Refusal refusal() {
            throw new IllegalStateException("the request was admitted");
        }

        @Override
        public Map<String, String> finish() {
            return window.done(request, window.clock.getAsLong());
        }
    }
}

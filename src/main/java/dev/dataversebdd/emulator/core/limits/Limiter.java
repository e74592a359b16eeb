package dev.dataversebdd.emulator.core.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * Counts each caller's requests against {@link ServiceProtection}: {@link #admit} before a request is served (a
 * refusal, or a permit), {@link Admission#finish} when its answer is ready. Callers are counted apart, as Dataverse
 * counts users apart ({@link #callerOf}).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Limiter {

    static final String CALLER_OBJECT_ID = "CallerObjectId";
    static final String CALLER_ID = "MSCRMCallerID";

    private final ServiceProtection limits;
    private final LongSupplier clock;
    private final Map<String, CallerWindow> callers = new ConcurrentHashMap<>();
    private final Counts counts = new Counts();

    public Limiter(ServiceProtection limits) {
        this(limits, System::nanoTime);
    }

    Limiter(ServiceProtection limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public ServiceProtection limits() {
        return limits;
    }

    /**
     * Who a request counts against: the impersonated user when it names one ({@code CallerObjectId} before
     * {@code MSCRMCallerID}, as the emulator's security reads them) [INF: the limits page counts "per user"], else its
     * bearer token (one application user), else everyone without one together.
     *
     * @param headers matched case-insensitively
     */
    public static String callerOf(Map<String, String> headers) {
        String objectId = headers.get(CALLER_OBJECT_ID);
        if (objectId != null && !objectId.isBlank()) {
            return "object:" + objectId.trim().toLowerCase(java.util.Locale.ROOT);
        }
        String userId = headers.get(CALLER_ID);
        if (userId != null && !userId.isBlank()) {
            return "user:" + userId.trim().toLowerCase(java.util.Locale.ROOT);
        }
        String authorization = headers.get("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            // the token itself is a secret: the key is its hash, never logged anyway
            return "token:" + Integer.toHexString(authorization.trim().hashCode());
        }
        return "anonymous";
    }

    /** A permit for the request, or the refusal Dataverse gives when the caller is over a limit or serving a penalty. */
    public Admission admit(String caller) {
        return callers.computeIfAbsent(caller, key -> new CallerWindow(limits, clock, counts)).admit(clock.getAsLong());
    }

    /**
     * Starts (or lengthens) {@code caller}'s penalty for {@code seconds} real seconds: a forced 429 (an injected fault)
     * is then served as one the limits gave, and a caller who sends during it has it extended.
     */
    public void penalise(String caller, long seconds) {
        callers.computeIfAbsent(caller, key -> new CallerWindow(limits, clock, counts)).penalise(clock.getAsLong(), seconds * 1_000_000_000L);
    }

    /** Forgets every caller's count (a reset). */
    public void clear() {
        callers.clear();
    }

    /** What the limits did since they were switched on: every caller together. */
    public Tally tally() {
        return new Tally(counts.served.get(), counts.refused.get(), counts.duringPenalty.get());
    }

    static final class Counts {
        final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong duringPenalty = new java.util.concurrent.atomic.AtomicLong();
    }

    /** What one request was told: served (with the pacing headers to add when done) or refused. */
    @API(status = API.Status.INTERNAL, since = "0.3")
    public interface Admission {

        /** True when the request must not be served: answer {@link #refusal} instead. */
        boolean refused();

        /** The 429 to answer; only when {@link #refused}. */
        Refusal refusal();

        /**
         * Marks the request done: its execution time counts from now on, and its place among the concurrent ones is
         * free. Returns the pacing headers for its answer. Call once, refused or not.
         */
        Map<String, String> finish();
    }

    /**
     * Dataverse's 429: an error code and message of the limits page, and the real seconds to wait.
     *
     * @param headers {@code Retry-After} and the pacing headers
     */
    @API(status = API.Status.INTERNAL, since = "0.3")
    public record Refusal(String code, String message, long retryAfterSeconds, Map<String, String> headers) {
    }
}

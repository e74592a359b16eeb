package dev.dataversebdd.wire;

import dev.dataversebdd.report.StatusText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * One run's pacing, shared by every thread that sends (and, through {@link PacingFile}, by every JVM of one machine):
 * once any request is told to wait ({@code 429}, {@code Retry-After} in seconds or as a date), nobody sends until the
 * wait is over, so no request lands in a penalty and lengthens it. Between penalties it bounds the requests in flight:
 * it starts at half the configured bound, grows towards the org's {@code x-ms-dop-hint} while answers are good, halves
 * on a 429, and once {@code x-ms-ratelimit-burst-remaining-xrm-requests} says the window is spent it lets one request
 * probe alone. A request that would wait longer than {@code maxWait} in all fails with {@link WaitedTooLong}.
 * Every wait is logged and told to the request's notes; {@link #summary} adds them up.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Gate {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd");

    /**
     * @param maxWait     the longest one request may wait in all (penalties and backoffs) before the run fails
     * @param maxInFlight requests in flight at most, whatever the org's hint
     * @param stateFile   the file JVMs of one machine share penalties through; null for this JVM alone
     * @param howToChange names the settings in the failure message, e.g. {@code raise dataverse.max-wait}
     */
    public record Settings(Duration maxWait, int maxInFlight, Path stateFile, String howToChange) {
        public Settings {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("at least one request must be allowed in flight, not " + maxInFlight);
            }
        }
    }

    private final Settings settings;
    private final PacingFile file;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final GateStats stats = new GateStats();
    private long pausedUntil = Long.MIN_VALUE;
    private int inFlight;
    private int limit;
    private int hint = Integer.MAX_VALUE;
    private int budget = Integer.MAX_VALUE;
    private int goodAnswers;

    public Gate(Settings settings) {
        this(settings, System::currentTimeMillis);
    }

    Gate(Settings settings, LongSupplier clock) {
        this.settings = settings;
        this.file = settings.stateFile() == null ? null : new PacingFile(settings.stateFile());
        this.clock = clock;
        this.limit = Math.max(1, settings.maxInFlight() / 2);
    }

    /**
     * Sends with {@code attempt} through the gate until the answer is not one to send again: a 429 (every method, it
     * was not processed) while the retries allow any and the wait stays within the maximum; a 502/503 of an idempotent
     * method after a jittered backoff, at most {@code retries.maxRetries()} times. Returns the last answer.
     *
     * @param notes told every wait of this request, in words (a scenario's report)
     */
    public <R> R call(String method, String what, RetryDecision retries, Supplier<R> attempt, ToIntFunction<R> status,
                      Function<R, Function<String, String>> headers, Consumer<String> notes) {
        long deadline = clock.getAsLong() + settings.maxWait().toMillis();
        for (int n = 1; ; n++) {
            if (n > 1 && clock.getAsLong() >= deadline) {
                throw tooLong(what, settings.maxWait().toMillis(), "the org kept answering 429 Too Many Requests");
            }
            enter(what, deadline, notes);
            R answer;
            try {
                answer = attempt.get();
            } catch (RuntimeException | Error e) {
                leave(0, name -> null, what);
                throw e;
            }
            int answered = status.applyAsInt(answer);
            Function<String, String> header = headers.apply(answer);
            leave(answered, header, what);
            if (answered == 429 && retries.maxRetries() > 0) {
                continue; // the next enter waits out the penalty this answer (or another thread's) began
            }
            if (n > retries.maxRetries() || !retries.shouldRetry(method, answered, n)) {
                return answer;
            }
            backoff(what, answered, retries, header.apply("Retry-After"), n, deadline, notes);
        }
    }

    /** What the gate did in this run, for the run summary. */
    public String summary() {
        return stats.summary();
    }

    private void enter(String what, long deadline, Consumer<String> notes) {
        long heldSince = clock.getAsLong();
        boolean held = false;
        lock.lock();
        try {
            while (true) {
                long now = clock.getAsLong();
                long until = Math.max(pausedUntil, file == null ? Long.MIN_VALUE : file.pausedUntil());
                if (now < until) {
                    if (until > deadline) {
                        throw tooLong(what, until - heldSince, "the org's service protection limits said to wait");
                    }
                    held = true;
                    changed.await(until - now, TimeUnit.MILLISECONDS);
                    continue;
                }
                int allowed = budget <= 0 ? 1 : Math.min(limit, budget);
                if (inFlight >= allowed) {
                    if (now >= deadline) {
                        throw tooLong(what, now - heldSince, "other requests of the run held every place in flight");
                    }
                    // a penalty another JVM begins shows up only in the file: look again now and then
                    changed.await(Math.min(deadline - now, 200), TimeUnit.MILLISECONDS);
                    continue;
                }
                inFlight++;
                budget = budget == Integer.MAX_VALUE ? budget : budget - 1;
                stats.sent(inFlight);
                break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send " + what, e);
        } finally {
            lock.unlock();
        }
        if (held) {
            long waited = clock.getAsLong() - heldSince;
            stats.held(waited);
            String line = String.format("dataverse-bdd: %s waited %d ms for the org's service protection penalty", what,
                    waited);
            LOG.log(System.Logger.Level.INFO, line);
            notes.accept(line);
        }
    }

    private void leave(int status, Function<String, String> header, String what) {
        lock.lock();
        try {
            inFlight--;
            long now = clock.getAsLong();
            number(header.apply("x-ms-dop-hint")).ifPresent(dop -> {
                hint = Math.max(1, dop);
                limit = Math.min(limit, hint);
            });
            // answers may be read out of order, so a count only ever lowers the budget; it is believed as it stands
            // only from a probe, the one request in flight once the budget was spent
            number(header.apply("x-ms-ratelimit-burst-remaining-xrm-requests")).ifPresent(remaining -> budget =
                    budget <= 0 && inFlight == 0 ? remaining : Math.min(budget, remaining - inFlight));
            String timeLeft = header.apply("x-ms-ratelimit-time-remaining-xrm-requests");
            if (timeLeft != null && timeLeft.trim().matches("[0-9]+(\\.[0-9]+)?") && Double.parseDouble(timeLeft.trim()) <= 0) {
                budget = Math.min(budget, 0);
            }
            if (status == 429) {
                String retryAfter = header.apply("Retry-After");
                Duration wait = RetryAfter.parse(retryAfter, now).orElse(Duration.ofSeconds(5));
                long until = now + wait.toMillis();
                stats.throttled(Math.max(0, until - Math.max(now, pausedUntil)));
                if (until > pausedUntil) {
                    pausedUntil = until;
                    if (file != null) {
                        file.pauseUntil(until);
                    }
                    LOG.log(System.Logger.Level.WARNING, String.format("dataverse-bdd: %s on %s (Retry-After: %s): every "
                            + "request of the run waits %d ms", StatusText.of(status), what, retryAfter, wait.toMillis()));
                }
                limit = Math.max(1, limit / 2);
                budget = 1; // after the penalty one request probes what the window allows
                goodAnswers = 0;
            } else if (status > 0 && status < 500 && ++goodAnswers >= 4 * limit && limit < Math.min(hint, settings.maxInFlight())) {
                limit++;
                goodAnswers = 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A 502/503: this request alone waits, a random part of the exponential step so retries do not come in step. */
    private void backoff(String what, int status, RetryDecision retries, String retryAfter, int attempt, long deadline,
                         Consumer<String> notes) {
        long now = clock.getAsLong();
        Duration step = retries.wait(null, attempt);
        long wait = RetryAfter.parse(retryAfter, now).map(Duration::toMillis)
                .orElse(step.toMillis() / 2 + ThreadLocalRandom.current().nextLong(step.toMillis() / 2 + 1));
        if (now + wait > deadline) {
            throw tooLong(what, wait, StatusText.of(status) + " kept coming back");
        }
        String line = String.format("dataverse-bdd: %s on %s; retry %d of %d in %d ms", StatusText.of(status), what,
                attempt, retries.maxRetries(), wait);
        LOG.log(System.Logger.Level.WARNING, line);
        notes.accept(line);
        stats.backedOff(wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry " + what, e);
        }
    }

    private WaitedTooLong tooLong(String what, long wouldWait, String why) {
        return new WaitedTooLong(String.format("dataverse-bdd: %s would have waited %d s in all, longer than the run's "
                + "maximum wait of %d s: %s. The run stops instead of hanging; %s.", what, (wouldWait + 999) / 1000,
                settings.maxWait().toSeconds(), why, settings.howToChange()));
    }

    private static OptionalInt number(String value) {
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value.trim()));
    }
}

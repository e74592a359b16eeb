package dev.dataversebdd.dsl;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.report.StatusText;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the target answered to a {@link Batch}: the batch's own status, one {@link Outcome} per request in the
 * order they were written (change sets' requests included), and which change sets were rolled back.
 *
 * <pre>{@code
 * sent.isOk();                           // 200, every request 2xx
 * sent.part(3).isNoContent();            // the third request written
 * sent.changeSetIsRolledBack(1);         // the first change set left nothing behind
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class BatchOutcome {

    private final Failures failures;
    private final RecordedExchange exchange;
    private final List<Outcome> parts;
    private final List<Boolean> rolledBack;

    BatchOutcome(Failures failures, RecordedExchange exchange, List<Outcome> parts, List<Boolean> rolledBack) {
        this.failures = failures;
        this.exchange = exchange;
        this.parts = List.copyOf(parts);
        this.rolledBack = List.copyOf(rolledBack);
    }

    /** {@code 200 OK}, and every request of the batch answered with a 2xx. */
    public BatchOutcome isOk() {
        hasStatus(200);
        for (int i = 0; i < parts.size(); i++) {
            Outcome part = parts.get(i);
            if (!part.succeeded()) {
                throw fail("every request answered 2xx", "request " + (i + 1) + " answered " + part.exchange().statusLine());
            }
        }
        return this;
    }

    /** The status of the batch itself: 200, or the first failure's status when the batch stopped there. */
    public BatchOutcome hasStatus(int status) {
        if (exchange.status() != status) {
            throw fail(StatusText.of(status), exchange.statusLine());
        }
        return this;
    }

    /** The outcome of the {@code n}th request written (1-based), change sets' requests included. */
    public Outcome part(int n) {
        if (n < 1 || n > parts.size()) {
            throw new IllegalArgumentException("the batch has requests 1 to " + parts.size() + ", not " + n);
        }
        return parts.get(n - 1);
    }

    /** True when a change set of the batch was rolled back. */
    public boolean changeSetRolledBack() {
        return rolledBack.contains(true);
    }

    /** The {@code n}th change set of the batch (1-based) was rolled back: one error answered all of it. */
    public BatchOutcome changeSetIsRolledBack(int n) {
        if (n < 1 || n > rolledBack.size() || !rolledBack.get(n - 1)) {
            throw fail("change set " + n + " rolled back (one error answering all of it)",
                    n < 1 || n > rolledBack.size() ? "the batch has " + rolledBack.size() + " change set(s)"
                            : "it was not");
        }
        return this;
    }

    /** The {@code n}th change set of the batch (1-based) was committed: a response for each of its requests. */
    public BatchOutcome changeSetIsCommitted(int n) {
        if (n < 1 || n > rolledBack.size() || rolledBack.get(n - 1)) {
            throw fail("change set " + n + " committed", n < 1 || n > rolledBack.size() ? "the batch has "
                    + rolledBack.size() + " change set(s)" : "it was rolled back");
        }
        return this;
    }

    public int status() {
        return exchange.status();
    }

    /** The batch request and its multipart answer, as sent and received (not redacted: keep it out of logs). */
    public RecordedExchange exchange() {
        return exchange;
    }

    private AssertionError fail(String expected, String actual) {
        return failures.of("batch", expected, actual, "send a batch of " + parts.size() + " requests", exchange, null);
    }
}

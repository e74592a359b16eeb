package dev.dataversebdd.dsl;

import dev.dataversebdd.report.RecordedExchange;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * What every check needs to fail well, and nothing more: the report that formats the message, the hints, and where
 * the failure happens (the running step's line, asked for when a failure is built).
 */
final class Failures {

    private final FailureReport report;
    private final Hints hints;
    private Supplier<String> location = () -> null;

    Failures(FailureReport report, Hints hints) {
        this.report = report;
        this.hints = hints;
    }

    void locatedBy(Supplier<String> where) {
        this.location = where;
    }

    String location() {
        return location.get();
    }

    /** The running step's line as a message prefix ({@code "features/x.feature:12: "}); empty outside a step. */
    String prefix() {
        String where = location.get();
        return where == null ? "" : where + ": ";
    }

    /** @param exchange the request and answer to show (null for none); {@code table} steers the hint */
    AssertionFailedError of(String operation, String expected, String actual, String doing, RecordedExchange exchange,
                            String table) {
        String hint = exchange == null ? null : hints.forFailure(exchange, table).orElse(null);
        return report.failure(operation, expected, actual, doing, location.get(), exchange, hint);
    }

    /** As above with the check's own hint, when it has one; else the usual hint. */
    AssertionFailedError of(String operation, String expected, String actual, String doing, RecordedExchange exchange,
                            String table, String ownHint) {
        return ownHint == null ? of(operation, expected, actual, doing, exchange, table)
                : report.failure(operation, expected, actual, doing, location.get(), exchange, ownHint);
    }
}

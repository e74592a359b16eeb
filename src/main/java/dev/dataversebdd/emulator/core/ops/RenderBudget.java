package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.Errors;

/**
 * How many rows one response may render, expanded rows included. Every read runs under the store's read lock, and a
 * writer waits for it; the budget keeps the longest read short (src/site/markdown/performance.md measures it), however a query
 * nests its {@code $expand}s.
 */
final class RenderBudget {

    /** Enough for a full page of 5,000 rows with a dozen single-valued expands each. */
    static final int MAX_ROWS = 100_000;

    private int left;

    RenderBudget(int maxRows) {
        this.left = maxRows;
    }

    static RenderBudget standard() {
        return new RenderBudget(MAX_ROWS);
    }

    /** Takes one row from the budget; refuses the whole read once it is spent (nothing is half-sent: reads write nothing). */
    void spend() {
        if (--left < 0) {
            throw Errors.responseTooLarge(MAX_ROWS);
        }
    }
}

package dev.dataversebdd.dsl;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The org's existing rows ({@code dataverse.existing-rows}) are shared by every scenario of a run: one scenario that
 * relinks one and another that relinks it at the same time would put each other's before-images back too early.
 * So the sessions of a run take turns: a session that names an existing row waits for the turn, and holds it until
 * its cleanup is over. Scenarios that name no existing row never wait. One turn for all existing rows, not one per
 * row: a scenario may name a second existing row late, and two scenarios each holding one and waiting for the
 * other's would wait for ever.
 */
final class ExistingRowTurn {

    private final Semaphore turn = new Semaphore(1, true);
    private final Duration maxWait;

    ExistingRowTurn(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** One session's hold on the turn (its views share it). */
    final class Hold {
        private boolean held;

        /** Waits for the turn unless this session has it; fails after the run's maximum wait, naming the row. */
        synchronized void take(RowRef row) {
            if (held) {
                return;
            }
            try {
                if (!turn.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("waited " + maxWait.toSeconds() + " s for other scenarios to finish "
                            + "with the org's existing rows before using " + row.describe() + ": scenarios that use existing "
                            + "rows run one at a time (live-safety.md); give long scenarios their own rows, or raise "
                            + "dataverse.max-wait");
                }
                held = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to use " + row.describe(), e);
            }
        }

        /** After the session's cleanup. */
        synchronized void release() {
            if (held) {
                held = false;
                turn.release();
            }
        }
    }

    Hold hold() {
        return new Hold();
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.Outcome;

/**
 * One scenario's state, injected by PicoContainer into every step class: the DSL session and the outcome of the
 * last action, which the Then steps check.
 */
public final class World {

    private DataverseSession session;
    private Outcome outcome;

    public DataverseSession session() {
        if (session == null) {
            session = RunContext.dataverse().openSession();
        }
        return session;
    }

    /** Remembers what the last When step got back. */
    public Outcome outcome(Outcome latest) {
        this.outcome = latest;
        return latest;
    }

    public Outcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("no request has been made yet in this scenario: a When step must come first");
        }
        return outcome;
    }

    void close() {
        if (session != null) {
            DataverseSession closing = session;
            session = null;
            closing.close();
        }
    }
}

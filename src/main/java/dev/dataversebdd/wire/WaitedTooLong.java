package dev.dataversebdd.wire;

import org.apiguardian.api.API;

/**
 * A request that would have to wait longer than the run's maximum wait: the run stops with what was asked and why,
 * instead of hanging on an org that keeps saying "later".
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class WaitedTooLong extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WaitedTooLong(String message) {
        super(message);
    }
}

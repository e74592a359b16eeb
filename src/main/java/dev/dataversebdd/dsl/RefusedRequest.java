package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * Thrown before anything is sent when a live run's request could delete, change or leak something the run did not
 * create, or when the guard cannot tell what it would do (fail closed).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RefusedRequest extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RefusedRequest(String method, String written, String target, String why) {
        super("refusing to send " + method + " " + written + " to " + target + ": " + why);
    }
}

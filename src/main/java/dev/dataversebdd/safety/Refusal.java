package dev.dataversebdd.safety;

import org.apiguardian.api.API;

/**
 * The guard's "no", thrown before anything is sent: the request could delete, change or leak a row the run did not
 * create, or the guard cannot tell what it would do (fail closed). The DSL turns it into its public
 * {@code RefusedRequest}, with the same message.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String written;
    private final String target;
    private final String why;

    Refusal(String method, String written, String target, String why) {
        super("refusing to send " + method + " " + written + " to " + target + ": " + why, null, false, false);
        this.method = method;
        this.written = written;
        this.target = target;
        this.why = why;
    }

    public String method() {
        return method;
    }

    /** The URL as the request wrote it. */
    public String written() {
        return written;
    }

    /** The target, as its description names it. */
    public String target() {
        return target;
    }

    /** Which rule, and which row. */
    public String why() {
        return why;
    }
}

package dev.dataversebdd.emulator.core.batch;

import org.apiguardian.api.API;

/** A batch body that cannot be read as the specification writes it; nothing of it is run. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class MalformedBatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedBatch(String message) {
        super(message, null, false, false);
    }
}

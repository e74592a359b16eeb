package dev.dataversebdd.emulator.core;

import org.apiguardian.api.API;

/**
 * A refusal the emulator answers with Dataverse's error envelope
 * {@code {"error":{"code":"…","message":"…"}}}. Thrown before anything is written, or inside a unit of work
 * that is then rolled back.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DataverseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public DataverseException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

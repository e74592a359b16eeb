package dev.dataversebdd.targets;

import org.apiguardian.api.API;

/** A missing or malformed setting, reported before any request is sent, with how to set it. */
@API(status = API.Status.STABLE, since = "0.1")
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}

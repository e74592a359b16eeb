package dev.dataversebdd.targets;

/** A missing or malformed setting, reported before any request is sent, with how to set it. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}

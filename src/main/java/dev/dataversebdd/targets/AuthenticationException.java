package dev.dataversebdd.targets;

/** The identity provider or the org refused the credentials. The message never carries a secret. */
public final class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}

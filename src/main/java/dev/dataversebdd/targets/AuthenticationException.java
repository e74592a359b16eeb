package dev.dataversebdd.targets;

import org.apiguardian.api.API;

/** The identity provider or the org refused the credentials. The message never carries a secret. */
@API(status = API.Status.STABLE, since = "0.1")
public final class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}

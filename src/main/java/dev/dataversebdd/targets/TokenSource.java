package dev.dataversebdd.targets;

import java.util.List;
import java.util.Map;

/** Gives a bearer token for the org, fresh enough to use now (cached and renewed by the implementation). */
interface TokenSource {

    String accessToken();

    /** Values that must never appear in reports, logs or messages (secrets, certificate passwords, tokens). */
    List<String> secrets();

    /** The headers that authenticate a request: a bearer token, or none for a target that needs no authentication. */
    default Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + accessToken());
    }

    /** False for {@code dataverse.auth=none}: requests go without credentials. */
    default boolean sendsCredentials() {
        return true;
    }
}

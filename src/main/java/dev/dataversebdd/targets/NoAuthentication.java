package dev.dataversebdd.targets;

import java.util.List;
import java.util.Map;

/**
 * {@code dataverse.auth=none}: a target that needs no authentication (another emulator, an OData service, a proxy
 * that signs requests itself). Requests carry no {@code Authorization} header; there is no secret to mask.
 */
final class NoAuthentication implements TokenSource {

    @Override
    public String accessToken() {
        throw new IllegalStateException("dataverse.auth=none: this run has no token");
    }

    @Override
    public List<String> secrets() {
        return List.of();
    }

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public boolean sendsCredentials() {
        return false;
    }
}

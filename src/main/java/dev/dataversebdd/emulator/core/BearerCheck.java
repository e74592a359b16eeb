package dev.dataversebdd.emulator.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The optional {@code Authorization: Bearer} requirement, and whether the test surface may change it over HTTP. */
final class BearerCheck {

    private volatile Predicate<String> acceptedTokens;
    private volatile boolean changesOverHttp;

    /** {@code null} turns the check off. */
    void require(Predicate<String> accepted) {
        acceptedTokens = accepted;
    }

    boolean required() {
        return acceptedTokens != null;
    }

    void allowChangesOverHttp(boolean allow) {
        changesOverHttp = allow;
    }

    boolean allowsChangesOverHttp() {
        return changesOverHttp;
    }

    /** Dataverse's 401 with {@code WWW-Authenticate} when a token is required and missing or not accepted. */
    Optional<EmulatorResponse> refusal(EmulatorRequest request) {
        Predicate<String> check = acceptedTokens;
        if (check == null) {
            return Optional.empty();
        }
        String authorization = request.header("Authorization");
        boolean ok = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && check.test(authorization.substring(7).trim());
        if (ok) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/"
                + "authorize, resource_id=" + ParsedRequest.serviceRoot(request) + "/");
        headers.put("OData-Version", "4.0");
        return Optional.of(new EmulatorResponse(401, headers, new byte[0]));
    }
}

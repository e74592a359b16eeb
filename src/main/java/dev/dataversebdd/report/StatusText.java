package dev.dataversebdd.report;

import java.util.Map;
import org.apiguardian.api.API;

/** {@code 204 No Content}: a status with the reason phrase people read in logs. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StatusText {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Payload Too Large"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"));

    private StatusText() {
    }

    public static String of(int status) {
        String reason = REASONS.get(status);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }
}

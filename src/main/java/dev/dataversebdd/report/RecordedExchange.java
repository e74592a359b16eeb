package dev.dataversebdd.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One request and its response as the DSL sent and received them (not yet redacted).
 *
 * @param target path and query, e.g. {@code /api/data/v9.2/accounts(…)/x/$ref}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RecordedExchange(String method, String baseUri, String target, Map<String, String> requestHeaders,
                               String requestBody, int status, Map<String, String> responseHeaders,
                               String responseBody, long millis) {

    public RecordedExchange {
        requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders)); // in the order sent
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }

    public String responseHeader(String name) {
        return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** {@code 404 Not Found}. */
    public String statusLine() {
        return StatusText.of(status);
    }
}

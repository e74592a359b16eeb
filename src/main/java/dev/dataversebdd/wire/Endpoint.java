package dev.dataversebdd.wire;

import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a channel needs to know of where it sends: the service root, one line that names the target in messages, the
 * headers every request carries (asked for each request: a token may be renewed), and when to send again.
 *
 * @param serviceRoot    without a trailing slash, e.g. {@code https://contoso.crm.dynamics.com/api/data/v9.2}
 * @param description    e.g. {@code live org https://contoso.crm.dynamics.com (api v9.2)}
 * @param requestHeaders values are secrets: never log them
 * @param gate           the run's pacing, shared by every channel of the run; null to send as soon as asked
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Endpoint(String serviceRoot, String description, Supplier<Map<String, String>> requestHeaders,
                       RetryDecision retries, Gate gate) {

    /** Without pacing: each request retried on its own (the embedded emulator, whose faults a test injects). */
    public Endpoint(String serviceRoot, String description, Supplier<Map<String, String>> requestHeaders,
                    RetryDecision retries) {
        this(serviceRoot, description, requestHeaders, retries, null);
    }
}

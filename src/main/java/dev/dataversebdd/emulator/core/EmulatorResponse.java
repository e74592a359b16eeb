package dev.dataversebdd.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/** An HTTP response from the core: status, headers in order, body bytes (empty for 204). */
@API(status = API.Status.STABLE, since = "0.1")
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; odata.metadata=minimal";

    public EmulatorResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}

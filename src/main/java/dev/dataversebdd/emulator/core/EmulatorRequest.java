package dev.dataversebdd.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * An HTTP request as the core sees it, free of any server library.
 *
 * @param path     the raw (still percent-encoded) path, e.g. {@code /api/data/v9.2/accounts(…)/x/$ref}
 * @param rawQuery the raw query string without {@code ?}, or null
 * @param headers  header names are matched case-insensitively
 */
@API(status = API.Status.STABLE, since = "0.1")
public record EmulatorRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public EmulatorRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
        body = body == null ? new byte[0] : body;
    }

    public static EmulatorRequest of(String method, String pathAndQuery, String body, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        return new EmulatorRequest(method.toUpperCase(Locale.ROOT), q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String target() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }
}

package dev.dataversebdd.emulator.core.batch;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One request of a batch, as its {@code application/http} part wrote it.
 *
 * @param contentId the part's {@code Content-ID}, or null
 * @param target    the request line's URL as written: absolute, root-relative, relative or {@code $1…}
 * @param headers   the request's own headers (not the MIME part's), matched case-insensitively
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record PartRequest(String contentId, String method, String target, Map<String, String> headers, String body) {

    public PartRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    public boolean hasBody() {
        return !body.isBlank();
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    PartRequest withTarget(String resolved) {
        return new PartRequest(contentId, method, resolved, headers, body);
    }

    PartRequest withBody(String resolved) {
        return new PartRequest(contentId, method, target, headers, resolved);
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/** The response shapes Dataverse uses, with the headers each one carries. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Responses {

    private Responses() {
    }

    /** 204 No Content, empty body, {@code OData-Version: 4.0}: the answer to every successful {@code $ref} write. */
    public static EmulatorResponse noContent() {
        return new EmulatorResponse(204, base(), new byte[0]);
    }

    /** 304 Not Modified, no body, the row's current {@code ETag}: a conditional GET whose copy is current (D9). */
    public static EmulatorResponse notModified(String etag) {
        Map<String, String> headers = base();
        headers.put("ETag", etag);
        return new EmulatorResponse(304, headers, new byte[0]);
    }

    /** 204 with {@code OData-EntityId}: create and update without {@code return=representation}. */
    public static EmulatorResponse noContentWithEntityId(String entityUrl) {
        Map<String, String> headers = base();
        headers.put("OData-EntityId", entityUrl);
        return new EmulatorResponse(204, headers, new byte[0]);
    }

    public static EmulatorResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = base();
        headers.put("Content-Type", EmulatorResponse.JSON);
        headers.putAll(extraHeaders);
        return new EmulatorResponse(status, headers, Json.bytes(body));
    }

    public static EmulatorResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    /** A body that starts with {@code @odata.context}, as every Dataverse JSON payload does. */
    public static ObjectNode withContext(String context, ObjectNode body) {
        ObjectNode ordered = Json.object();
        ordered.put("@odata.context", context);
        ordered.setAll(body);
        return ordered;
    }

    public static EmulatorResponse text(int status, String contentType, String text) {
        Map<String, String> headers = base();
        headers.put("Content-Type", contentType);
        return new EmulatorResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    public static EmulatorResponse bytes(int status, String contentType, byte[] body) {
        Map<String, String> headers = base();
        headers.put("Content-Type", contentType);
        return new EmulatorResponse(status, headers, body);
    }

    /** {@code {"error":{"code":"…","message":"…"}}} with the JSON content type and OData-Version. */
    public static EmulatorResponse error(DataverseException e) {
        ObjectNode error = Json.object();
        ObjectNode inner = error.putObject("error");
        inner.put("code", e.code());
        inner.put("message", e.getMessage());
        return json(e.status(), error);
    }

    private static Map<String, String> base() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OData-Version", "4.0");
        return headers;
    }
}

package dev.dataversebdd.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.apiguardian.api.API;

/** The {@code {"error":{"code":…,"message":…}}} envelope of a Dataverse response, when the body is one. */
@API(status = API.Status.INTERNAL, since = "0.2")
public record ErrorBody(String code, String message) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Optional<ErrorBody> parse(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode error = MAPPER.readTree(body).get("error");
            if (error == null || !error.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ErrorBody(error.path("code").asText(""), error.path("message").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

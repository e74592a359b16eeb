package dev.dataversebdd.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives a {@link DataverseService} without a socket, the way tests of the core talk to it. */
final class ServiceDriver {

    static final String ROOT = "/api/data/v9.2/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY_ID = Pattern.compile("\\(([0-9a-f-]{36})\\)$");

    final DataverseService service;

    ServiceDriver() {
        this(BehaviourProfile.defaults());
    }

    ServiceDriver(BehaviourProfile profile) {
        this(Schema.standard(), profile);
    }

    ServiceDriver(Schema schema, BehaviourProfile profile) {
        this.service = new DataverseService(schema, profile);
    }

    EmulatorResponse send(String method, String pathAndQuery, String body, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost");
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        String path = pathAndQuery.startsWith("/") ? pathAndQuery : ROOT + pathAndQuery;
        return service.handle(EmulatorRequest.of(method, path, body, headers));
    }

    /** Creates a row and returns its id. */
    UUID create(String entitySet, String body) {
        EmulatorResponse response = send("POST", entitySet, body);
        if (response.status() != 204) {
            throw new AssertionError("create failed: " + response.status() + " " + response.bodyText());
        }
        Matcher m = ENTITY_ID.matcher(response.header("OData-EntityId"));
        if (!m.find()) {
            throw new AssertionError("no id in " + response.header("OData-EntityId"));
        }
        return UUID.fromString(m.group(1));
    }

    static String url(String entitySet, UUID id) {
        return "http://localhost" + ROOT + entitySet + "(" + id + ")";
    }

    static String ref(String entitySet, UUID id) {
        return "{\"@odata.id\":\"" + url(entitySet, id) + "\"}";
    }

    JsonNode json(String method, String path) {
        return json(send(method, path, null));
    }

    static JsonNode json(EmulatorResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lookup GUID (or null) of {@code set(id)}. */
    String lookup(String entitySet, UUID id, String lookupProperty) {
        JsonNode value = json("GET", entitySet + "(" + id + ")?$select=" + lookupProperty).get(lookupProperty);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String errorCode(EmulatorResponse response) {
        return json(response).path("error").path("code").asText(null);
    }

    static String errorMessage(EmulatorResponse response) {
        return json(response).path("error").path("message").asText(null);
    }
}

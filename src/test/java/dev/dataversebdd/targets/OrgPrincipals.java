package dev.dataversebdd.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The business units and users an org has before a security scenario runs, as an administrator of the org would have
 * made them (straight through the emulator's core, no token), with no role of their own: the units Sales (under the
 * root) and West (under Sales), and the users {@code features/security} names. {@link #existingRows()} names them
 * the way a team writes {@code dataverse.existing-rows}.
 */
public final class OrgPrincipals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/data/v9.2/";

    private final Map<String, UUID> named = new LinkedHashMap<>();

    private OrgPrincipals() {
    }

    /** Seeds the units and users into {@code service}, which requires {@code tokens} again afterwards. */
    public static OrgPrincipals seed(DataverseService service, Predicate<String> tokens) {
        OrgPrincipals org = new OrgPrincipals();
        service.requireBearerToken(null);
        try {
            JsonNode root = json(send(service, "GET", "businessunits?$select=businessunitid"
                    + "&$filter=_parentbusinessunitid_value%20eq%20null", null, 200)).path("value").path(0);
            UUID sales = org.create(service, "businessunit:Sales", "businessunits", "{\"name\":\"Sales\","
                    + "\"parentbusinessunitid@odata.bind\":\"/businessunits(" + root.path("businessunitid").asText() + ")\"}");
            UUID west = org.create(service, "businessunit:West", "businessunits", "{\"name\":\"West\","
                    + "\"parentbusinessunitid@odata.bind\":\"/businessunits(" + sales + ")\"}");
            for (String user : new String[] {"Avery", "Dana"}) {
                org.user(service, user, sales);
            }
            for (String user : new String[] {"Blake", "Will"}) {
                org.user(service, user, west);
            }
        } finally {
            service.requireBearerToken(tokens);
        }
        return org;
    }

    /** {@code systemuser:Dana=<id>;…}, as {@code dataverse.existing-rows} takes them. */
    public String existingRows() {
        return named.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    UUID id(String tableAndAlias) {
        return named.get(tableAndAlias);
    }

    private void user(DataverseService service, String name, UUID unit) {
        create(service, "systemuser:" + name, "systemusers", "{\"fullname\":\"" + name + "\",\"azureactivedirectoryobjectid\":\""
                + UUID.randomUUID() + "\",\"businessunitid@odata.bind\":\"/businessunits(" + unit + ")\"}");
    }

    private UUID create(DataverseService service, String key, String set, String body) {
        EmulatorResponse response = sendFor(service, "POST", set, body);
        if (response.status() != 204) {
            throw new IllegalStateException("seeding " + key + " answered " + response.status() + ": " + response.bodyText());
        }
        String entityId = response.header("OData-EntityId");
        UUID id = UUID.fromString(entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1));
        named.put(key, id);
        return id;
    }

    private static String send(DataverseService service, String method, String path, String body, int expected) {
        EmulatorResponse response = sendFor(service, method, path, body);
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.bodyText());
        }
        return response.bodyText();
    }

    private static EmulatorResponse sendFor(DataverseService service, String method, String path, String body) {
        return service.handle(EmulatorRequest.of(method, API + path, body, Map.of("Host", "127.0.0.1")));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dataversebdd.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.ops.Json;
import dev.dataversebdd.emulator.core.ops.Responses;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's test surface over HTTP, for standalone use from any language. Everything here is also a Java
 * method on {@link DataverseService}. Routes live under {@value #PREFIX}, apart from the Web API.
 */
final class AdminApi {

    static final String PREFIX = "/_emulator";
    private static final String ROUTES = """
            GET    /_emulator                         this list
            GET    /_emulator/state                   {"rows": n, "pairs": n}
            POST   /_emulator/reset                   forget all rows, links, faults, journal
            POST   /_emulator/snapshots/{name}        save the current rows and links
            POST   /_emulator/snapshots/{name}/restore  bring them back
            DELETE /_emulator/snapshots/{name}        drop one (reset drops them all)
            GET    /_emulator/journal                 the requests received (Authorization redacted)
            DELETE /_emulator/journal                 empty it
            POST   /_emulator/faults                  {"status": 429, "retryAfter": 2, "times": 3, "after": 0}
            POST   /_emulator/delays                  {"millis": 500, "times": 1, "after": 0}: slow the next requests
            DELETE /_emulator/faults                  drop pending faults, delays and latency
            PUT    /_emulator/latency                 {"millis": 50}
            GET    /_emulator/behaviour               the behaviour switches, their modes and provenance
            PUT    /_emulator/behaviour               {"bind-null": "rejected", ...}
            PUT    /_emulator/auth                    {"mode": "off" | "any" | "tokens", "tokens": [...]}
                                                  (once tokens are required, only if started with --allow-auth-changes)
            When the Web API requires a bearer token, so does every route here.
            """;

    private final DataverseService service;

    AdminApi(DataverseService service) {
        this.service = service;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        try {
            return route(request.method(), request.path().substring(PREFIX.length()).replaceAll("/+$", ""), request);
        } catch (DataverseException e) {
            return Responses.error(e);
        } catch (IllegalArgumentException e) {
            return Responses.error(new DataverseException(400, "EMULATOR_ADMIN", e.getMessage()));
        }
    }

    private EmulatorResponse route(String method, String path, EmulatorRequest request) {
        String route = method + " " + path;
        if (route.equals("GET ")) {
            return Responses.text(200, "text/plain;charset=utf-8", ROUTES);
        }
        if (route.equals("GET /state")) {
            ObjectNode state = Json.object();
            state.put("rows", service.rowCount());
            state.put("pairs", service.pairCount());
            return Responses.json(200, state);
        }
        if (route.equals("POST /reset")) {
            service.reset();
            return Responses.noContent();
        }
        if (method.equals("POST") && path.startsWith("/snapshots/")) {
            String name = path.substring("/snapshots/".length());
            if (name.endsWith("/restore")) {
                service.restore(name.substring(0, name.length() - "/restore".length()));
            } else {
                service.snapshot(name);
            }
            return Responses.noContent();
        }
        if (method.equals("DELETE") && path.startsWith("/snapshots/")) {
            service.deleteSnapshot(path.substring("/snapshots/".length()));
            return Responses.noContent();
        }
        if (route.equals("GET /journal")) {
            return Responses.json(200, journal());
        }
        if (route.equals("DELETE /journal")) {
            service.clearJournal();
            return Responses.noContent();
        }
        if (route.equals("POST /faults")) {
            ObjectNode body = Json.parseObject(request.body());
            service.injectFault(new Fault(requiredInt(body, "status"),
                    body.hasNonNull("retryAfter") ? body.get("retryAfter").asInt() : null,
                    body.hasNonNull("times") ? body.get("times").asInt() : 1,
                    body.hasNonNull("after") ? body.get("after").asInt() : 0));
            return Responses.noContent();
        }
        if (route.equals("POST /delays")) {
            ObjectNode body = Json.parseObject(request.body());
            service.injectDelay(new Delay(Duration.ofMillis(requiredInt(body, "millis")),
                    body.hasNonNull("times") ? body.get("times").asInt() : 1,
                    body.hasNonNull("after") ? body.get("after").asInt() : 0));
            return Responses.noContent();
        }
        if (route.equals("DELETE /faults")) {
            service.clearFaults();
            return Responses.noContent();
        }
        if (route.equals("PUT /latency")) {
            service.latency(Duration.ofMillis(requiredInt(Json.parseObject(request.body()), "millis")));
            return Responses.noContent();
        }
        if (route.equals("GET /behaviour")) {
            return Responses.json(200, behaviour());
        }
        if (route.equals("PUT /behaviour")) {
            BehaviourProfile profile = service.profile();
            for (Map.Entry<String, JsonNode> e : Json.parseObject(request.body()).properties()) {
                profile = profile.with(e.getKey(), e.getValue().asText());
            }
            service.profile(profile);
            return Responses.json(200, behaviour());
        }
        if (route.equals("PUT /auth")) {
            if (service.requiresBearerToken() && !service.allowsAuthChangesOverHttp()) {
                throw new DataverseException(403, "EMULATOR_ADMIN", "The emulator requires bearer tokens and was not "
                        + "started to let that change over HTTP; restart it with --allow-auth-changes to allow it.");
            }
            auth(Json.parseObject(request.body()));
            return Responses.noContent();
        }
        throw new IllegalArgumentException("no admin route " + route + "; routes:\n" + ROUTES);
    }

    private void auth(ObjectNode body) {
        String mode = body.path("mode").asText("");
        switch (mode) {
            case "off" -> service.requireBearerToken(null);
            case "any" -> service.requireBearerToken(token -> !token.isEmpty());
            case "tokens" -> {
                Set<String> tokens = new HashSet<>();
                body.path("tokens").forEach(t -> tokens.add(t.asText()));
                service.requireBearerToken(tokens::contains);
            }
            default -> throw new IllegalArgumentException("auth mode must be off, any or tokens, not '" + mode + "'");
        }
    }

    private ArrayNode journal() {
        ArrayNode entries = Json.object().arrayNode();
        for (JournalEntry entry : service.journal()) {
            ObjectNode json = entries.addObject();
            json.put("sequence", entry.sequence());
            json.put("receivedAt", entry.receivedAt().toString());
            json.put("method", entry.method());
            json.put("target", entry.target());
            ObjectNode headers = json.putObject("headers");
            entry.headers().forEach(headers::put);
            json.put("body", entry.body());
            json.put("status", entry.status());
        }
        return entries;
    }

    private ObjectNode behaviour() {
        ObjectNode json = Json.object();
        BehaviourProfile profile = service.profile();
        for (Behaviour behaviour : Behaviour.values()) {
            ObjectNode entry = json.putObject(behaviour.key());
            entry.put("mode", profile.mode(behaviour));
            entry.put("default", behaviour.defaultMode());
            behaviour.modes().forEach(entry.putArray("modes")::add);
            entry.put("provenance", behaviour.provenance());
            entry.put("section", behaviour.section());
        }
        return json;
    }

    private static int requiredInt(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return value.asInt();
    }
}

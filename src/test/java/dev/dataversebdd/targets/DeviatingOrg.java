package dev.dataversebdd.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A stand-in org that deviates from Dataverse in one way: a loopback proxy in front of a {@link LocalOrg} that rewrites
 * one kind of request on its way, as a hand-made fake or an OData stack might mishandle it, and passes everything
 * else (the bearer token included) as it came. The org behind it answers the rewritten request, so what the run reads
 * back afterwards is what such a server would have left.
 */
final class DeviatingOrg implements AutoCloseable {

    /** Rewrites the body of the requests it is about, given a way to read the org first; returns others unchanged. */
    interface Deviation {
        String rewrite(String method, String path, String body, UnaryOperator<String> read);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding");
    private static final Map<String, String> ENTITY_SETS = Map.of("contact", "contacts", "systemuser", "systemusers",
            "account", "accounts");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final Deviation deviation;

    DeviatingOrg(String upstream, Deviation deviation) throws IOException {
        this.upstream = upstream;
        this.deviation = deviation;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The proxy's base URL, to use as {@code dataverse.url}. */
    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * A PUT of activity parties that keeps the parties the activity has and adds those sent, instead of replacing them.
     */
    static Deviation appendingParties() {
        return (method, path, body, read) -> {
            if (!isPartyPut(method, path)) {
                return body;
            }
            ObjectNode put = (ObjectNode) json(body);
            ArrayNode parties = JSON.createArrayNode();
            for (JsonNode kept : json(read.apply(path + "?$select=participationtypemask,_partyid_value")).path("value")) {
                String table = kept.path("_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText();
                parties.addObject().put("partyid_" + table + "@odata.bind", ENTITY_SETS.get(table) + "("
                        + kept.path("_partyid_value").asText() + ")")
                        .put("participationtypemask", kept.path("participationtypemask").asInt());
            }
            parties.addAll((ArrayNode) put.path("value"));
            put.set("value", parties);
            return put.toString();
        };
    }

    /** A PUT of activity parties that loses the last party sent (an off-by-one over the array). */
    static Deviation droppingTheLastParty() {
        return (method, path, body, read) -> {
            if (!isPartyPut(method, path)) {
                return body;
            }
            ObjectNode put = (ObjectNode) json(body);
            ArrayNode parties = (ArrayNode) put.path("value");
            parties.remove(parties.size() - 1);
            return put.toString();
        };
    }

    /** A PATCH whose {@code "nav@odata.bind": null} annotations lose the last one (it clears one lookup of two). */
    static Deviation droppingTheLastNullBind() {
        return (method, path, body, read) -> {
            if (!method.equals("PATCH") || !body.startsWith("{") || !(json(body) instanceof ObjectNode patch)) {
                return body;
            }
            List<String> nullBinds = patch.properties().stream().filter(e -> e.getKey().endsWith("@odata.bind")
                    && e.getValue().isNull()).map(Map.Entry::getKey).toList();
            if (nullBinds.size() < 2) {
                return body;
            }
            patch.remove(nullBinds.get(nullBinds.size() - 1));
            return patch.toString();
        };
    }

    private static boolean isPartyPut(String method, String path) {
        return method.equals("PUT") && path.endsWith("_activity_parties");
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String sent = deviation.rewrite(method, uri.getRawPath(), body, path -> read(path, authorization));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.method(method, sent.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(sent));
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String read(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path)).GET()
                .header("Accept", "application/json")
                .header("Prefer", "odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.dataversebdd.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One client thread's view of the benchmark mix: create an account and an opportunity, associate them (POST $ref),
 * read the collection back, rebind (PUT $ref), disassociate (DELETE $ref), bind and unbind by PATCH. The same
 * client (the JDK's HttpClient over HTTP/1.1 with keep-alive, one per thread) for every server, so the numbers
 * compare servers, not clients.
 */
final class MixClient {

    static final int REQUESTS_PER_MIX = 8;
    static final UUID FIXED_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID FIXED_OPPORTUNITY = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    private final String root;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final long[] latencies;
    private int count;
    private long errors;

    MixClient(String root, int capacity) {
        this.root = root;
        this.latencies = new long[capacity];
    }

    /** Runs the eight requests once; {@code record} false during warm-up. */
    void mix(boolean record) throws IOException {
        UUID account = idOf(send("POST", "accounts", "{\"name\":\"Bench\"}", record), FIXED_ACCOUNT);
        UUID opportunity = idOf(send("POST", "opportunities", "{\"name\":\"Deal\"}", record), FIXED_OPPORTUNITY);
        String accountPath = "accounts(" + account + ")";
        String opportunityUrl = root + "/opportunities(" + opportunity + ")";
        send("POST", accountPath + "/opportunity_customer_accounts/$ref", "{\"@odata.id\":\"" + opportunityUrl + "\"}", record);
        send("GET", accountPath + "/opportunity_customer_accounts/$ref", null, record);
        send("PUT", "opportunities(" + opportunity + ")/customerid_account/$ref",
                "{\"@odata.id\":\"" + root + "/" + accountPath + "\"}", record);
        send("DELETE", accountPath + "/opportunity_customer_accounts(" + opportunity + ")/$ref", null, record);
        send("PATCH", "opportunities(" + opportunity + ")", "{\"parentaccountid@odata.bind\":\"/" + accountPath + "\"}", record);
        send("PATCH", "opportunities(" + opportunity + ")", "{\"parentaccountid\":null}", record);
    }

    private String send(String method, String path, String body, boolean record) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "/" + path))
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (method.equals("PATCH")) {
            request.header("If-Match", "*");
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() >= 400) {
            errors++;
        }
        if (record && count < latencies.length) {
            latencies[count++] = elapsed;
        }
        return response.headers().firstValue("OData-EntityId").orElse(null);
    }

    private static UUID idOf(String entityId, UUID fallback) {
        if (entityId == null) {
            return fallback;
        }
        return UUID.fromString(entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1));
    }

    long[] latencies() {
        return latencies;
    }

    int count() {
        return count;
    }

    long errors() {
        return errors;
    }
}

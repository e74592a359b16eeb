package dev.dataversebdd.bench;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/**
 * One client thread's view of the benchmark mix: create an account and an opportunity, associate them (POST $ref),
 * read the collection back, rebind (PUT $ref), disassociate (DELETE $ref), bind and unbind by PATCH. The same
 * client (a {@link SocketClient}: one kept-alive connection per thread) for every server, so the numbers compare
 * servers, not clients.
 */
final class MixClient {

    static final int REQUESTS_PER_MIX = 8;
    static final UUID FIXED_ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID FIXED_OPPORTUNITY = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    private final String root;
    private final SocketClient client;
    private final String rootPath;
    private final long[] latencies;
    private int count;
    private long errors;

    MixClient(String root, int capacity) {
        this(root, capacity, null);
    }

    /** {@code authorization}: the {@code Authorization} header every request carries, or null for none. */
    MixClient(String root, int capacity, String authorization) {
        this.root = root;
        this.rootPath = URI.create(root).getPath();
        this.client = new SocketClient(URI.create(root), authorization == null ? null : "Authorization: " + authorization);
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
        long started = System.nanoTime();
        SocketClient.Response response = client.send(method, rootPath + "/" + path, body);
        long elapsed = System.nanoTime() - started;
        if (response.status() >= 400) {
            errors++;
        }
        if (record && count < latencies.length) {
            latencies[count++] = elapsed;
        }
        return response.entityId();
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

    void close() throws IOException {
        client.close();
    }

    long errors() {
        return errors;
    }
}

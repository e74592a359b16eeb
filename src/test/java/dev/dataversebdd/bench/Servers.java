package dev.dataversebdd.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The three servers of the comparison, each on 127.0.0.1 with an ephemeral port. */
final class Servers {

    private Servers() {
    }

    /** A server under test: its service root, and how to stop it. */
    interface Running extends AutoCloseable {
        String root();

        @Override
        void close();
    }

    /** The loopback limit: the JDK server answering 204 to everything, no work at all. */
    static Running raw() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("OData-Version", "4.0");
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.setExecutor(pool);
        server.start();
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/data/v9.2";
        return new Running() {
            public String root() {
                return root;
            }

            public void close() {
                server.stop(0);
                pool.shutdownNow();
            }
        };
    }

    /** WireMock 3 with stubs giving the emulator's answers to the mix (fixed ids, canned read-back). */
    static Running wireMock() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal()); // WireMock at its fastest: no request journal
        server.start();
        String root = "http://127.0.0.1:" + server.port() + "/api/data/v9.2";
        String entityId = "OData-EntityId";
        server.stubFor(post(urlPathEqualTo("/api/data/v9.2/accounts")).willReturn(aResponse().withStatus(204)
                .withHeader("OData-Version", "4.0").withHeader(entityId, root + "/accounts(" + MixClient.FIXED_ACCOUNT + ")")));
        server.stubFor(post(urlPathEqualTo("/api/data/v9.2/opportunities")).willReturn(aResponse().withStatus(204)
                .withHeader("OData-Version", "4.0").withHeader(entityId, root + "/opportunities(" + MixClient.FIXED_OPPORTUNITY + ")")));
        server.stubFor(post(urlPathMatching("/api/data/v9.2/accounts\\(.*\\)/opportunity_customer_accounts/\\$ref"))
                .willReturn(aResponse().withStatus(204).withHeader("OData-Version", "4.0")));
        server.stubFor(get(urlPathMatching("/api/data/v9.2/accounts\\(.*\\)/opportunity_customer_accounts/\\$ref"))
                .willReturn(aResponse().withStatus(200).withHeader("OData-Version", "4.0")
                        .withHeader("Content-Type", "application/json; odata.metadata=minimal")
                        .withBody("{\"@odata.context\":\"" + root + "/$metadata#Collection($ref)\",\"value\":[{\"@odata.id\":\""
                                + root + "/opportunities(" + MixClient.FIXED_OPPORTUNITY + ")\"}]}")));
        server.stubFor(put(urlPathMatching("/api/data/v9.2/opportunities\\(.*\\)/customerid_account/\\$ref"))
                .willReturn(aResponse().withStatus(204).withHeader("OData-Version", "4.0")));
        server.stubFor(delete(urlPathMatching("/api/data/v9.2/accounts\\(.*\\)/opportunity_customer_accounts\\(.*\\)/\\$ref"))
                .willReturn(aResponse().withStatus(204).withHeader("OData-Version", "4.0")));
        server.stubFor(patch(urlPathMatching("/api/data/v9.2/opportunities\\(.*\\)")).willReturn(aResponse().withStatus(204)
                .withHeader("OData-Version", "4.0").withHeader(entityId, root + "/opportunities(" + MixClient.FIXED_OPPORTUNITY + ")")));
        server.stubFor(any(urlPathMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(404)));
        return new Running() {
            public String root() {
                return root;
            }

            public void close() {
                server.stop();
            }
        };
    }

    /** The emulator doing the real work, with its default settings. */
    static Running emulator() {
        return emulator(null);
    }

    /** The emulator with a security file's JSON loaded (null: none). */
    static Running emulator(String securityJson) {
        DataverseEmulator.Builder builder = DataverseEmulator.builder();
        if (securityJson != null) {
            builder.securityJson(securityJson, "benchmark");
        }
        DataverseEmulator emulator = builder.start();
        return new Running() {
            public String root() {
                return emulator.serviceRoot();
            }

            public void close() {
                emulator.close();
            }
        };
    }
}

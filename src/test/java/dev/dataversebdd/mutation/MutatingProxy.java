package dev.dataversebdd.mutation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A deviating server: an HTTP server on loopback in front of a conformant one (the embedded emulator), answering
 * every request through one {@link Mutation}. The suite reaches it by URL, as it would reach any service that claims
 * to behave like Dataverse, so the mutant is judged only by what goes over the wire.
 */
final class MutatingProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that describe one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String upstream;
    private final Mutation mutation;

    /** @param upstream the conformant server's base URI ({@code http://127.0.0.1:port}) */
    MutatingProxy(String upstream, Mutation mutation) throws IOException {
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.mutation = mutation;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "mutating-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:port}, the URL the suite is given. */
    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
            Answer answer;
            try {
                answer = mutation.answer(call, this::forward);
            } catch (RuntimeException e) { // a mutation that cannot apply answers as a broken server would
                answer = Answer.error(500, "0x80040216", "mutating proxy: " + e);
            }
            answer.headers().forEach((name, value) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    exchange.getResponseHeaders().set(name, value);
                }
            });
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = bytes.length == 0 || answer.status() == 204 || answer.status() == 304;
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /**
     * Sends a request to the conformant server and returns its answer unchanged, but for the server's own address:
     * URLs in bodies and headers name the proxy to the suite and the emulator to the emulator, as one server would.
     */
    Answer forward(Call call) {
        String body = call.body().replace(baseUri(), upstream);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + call.target()))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        call.headers().forEach((name, value) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value.replace(baseUri(), upstream));
            }
        });
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    headers.put(name, String.join(",", values).replace(upstream, baseUri()));
                }
            });
            return new Answer(response.statusCode(), headers, response.body().replace(upstream, baseUri()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding " + call.method() + " " + call.target(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

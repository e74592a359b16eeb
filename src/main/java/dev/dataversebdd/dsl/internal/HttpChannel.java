package dev.dataversebdd.dsl.internal;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.target.RetryPolicy;
import dev.dataversebdd.target.Target;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The only place that builds RestAssured requests. One specification per request, from the target's settings;
 * RestAssured's static defaults are never written (they are not safe for parallel scenarios).
 * Paths are sent as written, unencoded, the way Dataverse's documentation shows them.
 */
public final class HttpChannel {

    /** The headers Microsoft's documentation sends with every Web API request. */
    static final Map<String, String> DEFAULT_HEADERS = Map.of(
            "Accept", "application/json",
            "OData-MaxVersion", "4.0",
            "OData-Version", "4.0");

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .defaultContentCharset(StandardCharsets.UTF_8));

    private final Target target;
    private final URI base;
    private final Consumer<RecordedExchange> listener;

    public HttpChannel(Target target, Consumer<RecordedExchange> listener) {
        this.target = target;
        this.base = URI.create(target.serviceRoot());
        this.listener = listener;
    }

    /**
     * Sends a request. {@code pathOrUrl} is relative to the service root ({@code accounts(…)/x/$ref}), root-relative
     * ({@code /api/data/v9.0/…}) or absolute.
     */
    public RecordedExchange send(String method, String pathOrUrl, Map<String, String> headers, String body) {
        RetryPolicy policy = target.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            RecordedExchange exchange = sendOnce(method, pathOrUrl, headers, body);
            if (!policy.shouldRetry(method, exchange.status(), attempt)) {
                listener.accept(exchange);
                return exchange;
            }
            Duration wait = policy.wait(exchange.responseHeader("Retry-After"), attempt);
            listener.accept(exchange);
            // Retries are reported, never silent: on the console and, through the listener, in the report.
            System.err.printf("dataverse-bdd: %s on %s %s; retry %d of %d in %d ms%n", exchange.statusLine(), method,
                    exchange.target(), attempt, policy.maxRetries(), wait.toMillis());
            pause(wait);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private RecordedExchange sendOnce(String method, String pathOrUrl, Map<String, String> headers, String body) {
        String url = absolute(pathOrUrl);
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_HEADERS);
        all.putAll(target.requestHeaders());
        all.putAll(headers);
        if (body != null && all.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            all.put("Content-Type", "application/json");
        }
        RequestSpecification request = RestAssured.given().config(CONFIG).urlEncodingEnabled(false).headers(all);
        if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        Response response = request.request(method, url);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            responseHeaders.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        URI sent = URI.create(url);
        String targetPart = sent.getRawPath() + (sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery());
        return new RecordedExchange(method, sent.getScheme() + "://" + sent.getRawAuthority(),
                targetPart, all, body, response.getStatusCode(), responseHeaders, response.asString(), millis);
    }

    /** Spaces and braces are never valid in a URL, so they are percent-encoded; the rest is sent as written. */
    String absolute(String written) {
        String pathOrUrl = written.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D").replace("\"", "%22");
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        String authority = base.getScheme() + "://" + base.getRawAuthority();
        if (pathOrUrl.startsWith("/")) {
            return authority + pathOrUrl;
        }
        return target.serviceRoot() + "/" + pathOrUrl;
    }
}

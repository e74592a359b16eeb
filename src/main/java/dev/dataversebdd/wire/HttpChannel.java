package dev.dataversebdd.wire;

import dev.dataversebdd.report.RecordedExchange;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * How the client talks to an endpoint: the headers Microsoft's samples send, the endpoint's authorization, retries
 * on 429/502/503 (logged and reported, never silent), and a listener that sees every exchange (Allure). Operations
 * under test go through RestAssured ({@link #send}); supporting traffic through the JDK client ({@link #fetch}).
 * Made by a {@link Connection}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HttpChannel {

    /** The headers Microsoft's documentation sends with every Web API request. */
    static final Map<String, String> DEFAULT_HEADERS = orderedDefaults();
    /** Loaded on first use only, so that commands that never check an operation (the sweep) run without RestAssured. */
    private static final class RestAssuredHolder {
        static final Transport INSTANCE = new RestAssuredTransport();
    }

    /** In the order Microsoft's samples write them, the same in every run (reports and golden files compare them). */
    private static Map<String, String> orderedDefaults() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("OData-MaxVersion", "4.0");
        headers.put("OData-Version", "4.0");
        return Collections.unmodifiableMap(headers);
    }

    private final Endpoint endpoint;
    private final URI base;
    private String serviceRoot;
    private final JdkTransport jdk;
    private final Consumer<RecordedExchange> listener;
    private final Consumer<String> waits;

    HttpChannel(Endpoint endpoint, JdkTransport jdk, Consumer<RecordedExchange> listener, Consumer<String> waits) {
        this.waits = waits;
        this.endpoint = endpoint;
        this.base = URI.create(endpoint.serviceRoot());
        this.serviceRoot = endpoint.serviceRoot();
        this.jdk = jdk;
        this.listener = listener;
    }

    /**
     * An operation a scenario checks, through RestAssured. {@code pathOrUrl} is relative to the service root
     * ({@code accounts(…)/x/$ref}), root-relative ({@code /api/data/v9.0/…}) or absolute.
     */
    public RecordedExchange send(String method, String pathOrUrl, Map<String, String> headers, String body) {
        return exchange(RestAssuredHolder.INSTANCE, method, pathOrUrl, headers, body);
    }

    /** Supporting traffic (read-back, discovery, cleanup), through the JDK client. */
    public RecordedExchange fetch(String method, String pathOrUrl, Map<String, String> headers, String body) {
        return exchange(jdk, method, pathOrUrl, headers, body);
    }

    /** The endpoint's service root (in the API version chosen last), e.g. {@code https://contoso.crm.dynamics.com/api/data/v9.2}. */
    public String serviceRoot() {
        return serviceRoot;
    }

    /**
     * Sends this channel's relative paths to another API version of the same org ({@code v8.2}): the 2016
     * documentation's requests as written. Fails on anything that is not a version segment.
     */
    public void useApiVersion(String version) {
        if (!version.matches("v\\d+\\.\\d+")) {
            throw new IllegalArgumentException("'" + version + "' is not an API version such as v9.2 or v8.2");
        }
        serviceRoot = endpoint.serviceRoot().replaceFirst("/api/data/v\\d+\\.\\d+$", "/api/data/" + version);
    }

    private RecordedExchange exchange(Transport transport, String method, String pathOrUrl, Map<String, String> headers,
                                      String body) {
        String url = absolute(pathOrUrl);
        URI uri = requireTargetOrigin(method, url);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Supplier<RecordedExchange> attempt = () -> {
            RecordedExchange exchange = transport.send(method, url, allHeaders(headers, body), body);
            listener.accept(exchange);
            return exchange;
        };
        if (endpoint.gate() != null) {
            return endpoint.gate().call(method, method + " " + target, endpoint.retries(), attempt,
                    RecordedExchange::status, exchange -> exchange::responseHeader, waits);
        }
        return endpoint.retries().call(method, method + " " + target, attempt, RecordedExchange::status,
                exchange -> exchange.responseHeader("Retry-After"));
    }

    /**
     * Every request goes to the target's own origin (scheme, host and port), whose host was allow-listed when the run
     * started; so the token is never sent anywhere else, whatever URL a raw step writes. Returns the URL as a URI.
     */
    private URI requireTargetOrigin(String method, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("refusing to send " + method + " " + url + ": it is not a valid URL");
        }
        if (!sameOrigin(uri, base)) {
            throw new IllegalStateException("refusing to send " + method + " " + url + " to " + uri.getScheme() + "://"
                    + uri.getRawAuthority() + ": a run sends requests (and its token) only to "
                    + endpoint.description() + " at " + base.getScheme() + "://" + base.getRawAuthority());
        }
        return uri;
    }

    /** Same scheme, host (any case) and port (the scheme's default when absent). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Map<String, String> allHeaders(Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_HEADERS);
        all.putAll(endpoint.requestHeaders().get());
        all.putAll(headers);
        if (body != null && all.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            all.put("Content-Type", "application/json");
        }
        return all;
    }

    static RecordedExchange record(String method, URI sent, Map<String, String> headers, String body, int status,
                                   Map<String, String> responseHeaders, String responseBody, long millis) {
        String target = sent.getRawPath() + (sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery());
        return new RecordedExchange(method, sent.getScheme() + "://" + sent.getRawAuthority(), target, headers, body,
                status, responseHeaders, responseBody, millis);
    }

    /** Spaces, braces and quotes are never valid in a URL, so they are percent-encoded; the rest is sent as written. */
    String absolute(String written) {
        String pathOrUrl = written.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D").replace("\"", "%22");
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        String authority = base.getScheme() + "://" + base.getRawAuthority();
        if (pathOrUrl.startsWith("/")) {
            return authority + pathOrUrl;
        }
        return serviceRoot + "/" + pathOrUrl;
    }
}

package dev.dataversebdd.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Removes secrets from everything that leaves the process as text: failure messages, logs, Allure attachments.
 * Masks credential headers (keeping the scheme: {@code Bearer ***}), token and secret fields in JSON and form
 * bodies, anything shaped like a JWT, and every secret value it was given.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.withSecrets(List.of(clientSecret));
 * String safe = redactor.text(message);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Redactor {

    public static final String MASK = "***";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-ms-client-secret");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:access_token|refresh_token|id_token|client_secret|client_assertion|password)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern FORM_SECRET = Pattern.compile(
            "((?:^|[&?])(?:access_token|refresh_token|id_token|client_secret|client_assertion|password)=)[^&\\s]*");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private final List<String> secrets;

    private Redactor(Collection<String> secrets) {
        List<String> usable = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                usable.add(secret);
            }
        }
        usable.sort((a, b) -> b.length() - a.length()); // longest first, so no secret is left half-masked
        this.secrets = List.copyOf(usable);
    }

    public static Redactor standard() {
        return new Redactor(List.of());
    }

    public static Redactor withSecrets(Collection<String> secrets) {
        return new Redactor(secrets);
    }

    public Redactor plus(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new Redactor(all);
    }

    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = JSON_SECRET.matcher(result).replaceAll("$1" + MASK + "$2");
        result = FORM_SECRET.matcher(result).replaceAll("$1" + MASK);
        return JWT.matcher(result).replaceAll(MASK);
    }

    public Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> safe = new LinkedHashMap<>();
        headers.forEach((name, value) -> safe.put(name, header(name, value)));
        return safe;
    }

    public String header(String name, String value) {
        if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return text(value);
        }
        int space = value.indexOf(' ');
        return name.equalsIgnoreCase("authorization") && space > 0 ? value.substring(0, space + 1) + MASK : MASK;
    }

    public RecordedExchange exchange(RecordedExchange exchange) {
        return new RecordedExchange(exchange.method(), exchange.baseUri(), text(exchange.target()),
                headers(exchange.requestHeaders()), text(exchange.requestBody()), exchange.status(),
                headers(exchange.responseHeaders()), text(exchange.responseBody()), exchange.millis());
    }
}

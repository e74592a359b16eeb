package dev.dataversebdd.report;

import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Writes a request and its response as indented text for failure messages and report attachments:
 * redacted, with bodies capped so that a log stays readable.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExchangeFormatter {

    /** Headers the HTTP client adds by itself; every header the DSL sent (Accept and OData-* included) is shown. */
    private static final Set<String> QUIET_REQUEST_HEADERS = Set.of("content-length", "host", "connection", "user-agent",
            "accept-encoding");
    private static final Set<String> QUIET_RESPONSE_HEADERS = Set.of("date", "content-length", "connection",
            "transfer-encoding", "keep-alive");

    private final Redactor redactor;
    private final int bodyLimit;

    public ExchangeFormatter(Redactor redactor, int bodyLimit) {
        this.redactor = redactor;
        this.bodyLimit = bodyLimit;
    }

    public String format(RecordedExchange raw) {
        RecordedExchange exchange = redactor.exchange(raw);
        StringBuilder text = new StringBuilder();
        text.append("Request\n  ").append(exchange.method()).append(' ').append(exchange.target()).append('\n');
        headers(text, exchange.requestHeaders(), QUIET_REQUEST_HEADERS);
        body(text, exchange.requestBody());
        text.append("Response (").append(exchange.millis()).append(" ms)\n  HTTP/1.1 ")
                .append(exchange.statusLine()).append('\n');
        headers(text, exchange.responseHeaders(), QUIET_RESPONSE_HEADERS);
        body(text, exchange.responseBody());
        return text.toString();
    }

    private static void headers(StringBuilder text, Map<String, String> headers, Set<String> quiet) {
        headers.forEach((name, value) -> {
            if (!quiet.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                text.append("  ").append(name).append(": ").append(value).append('\n');
            }
        });
    }

    private void body(StringBuilder text, String body) {
        if (body == null || body.isEmpty()) {
            return;
        }
        String shown = body.length() > bodyLimit
                ? body.substring(0, bodyLimit) + " ... (" + (body.length() - bodyLimit) + " more characters)" : body;
        text.append("  ").append(shown.replace("\n", "\n  ")).append('\n');
    }
}

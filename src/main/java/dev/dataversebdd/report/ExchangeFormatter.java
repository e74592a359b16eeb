package dev.dataversebdd.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
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

    private static final JsonFactory JSON = new JsonFactory();

    private final Redactor redactor;
    private final int bodyLimit;
    private final boolean indentJson;

    /** Bodies as they were sent: failure messages stay compact. */
    public ExchangeFormatter(Redactor redactor, int bodyLimit) {
        this(redactor, bodyLimit, false);
    }

    /** With {@code indentJson}, JSON bodies are shown indented, for report attachments a person reads. */
    public ExchangeFormatter(Redactor redactor, int bodyLimit, boolean indentJson) {
        this.redactor = redactor;
        this.bodyLimit = bodyLimit;
        this.indentJson = indentJson;
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
            if (!quiet.contains(name.toLowerCase(Locale.ROOT))) {
                text.append("  ").append(name).append(": ").append(value).append('\n');
            }
        });
    }

    private void body(StringBuilder text, String body) {
        if (body == null || body.isEmpty()) {
            return;
        }
        String readable = indentJson ? indented(body) : body;
        String shown = readable.length() > bodyLimit ? readable.substring(0, bodyLimit) + " ... ("
                + (readable.length() - bodyLimit) + " more characters)" : readable;
        text.append("  ").append(shown.replace("\n", "\n  ")).append('\n');
    }

    /**
     * The same JSON, indented, token by token: keys keep their order and duplicates, numbers their exact text. A body
     * that is not one well-formed JSON value is shown as it was, since that is the evidence.
     */
    static String indented(String body) {
        char first = body.stripLeading().isEmpty() ? ' ' : body.stripLeading().charAt(0);
        if (first != '{' && first != '[') {
            return body;
        }
        StringWriter out = new StringWriter();
        try (JsonParser parser = JSON.createParser(body);
                JsonGenerator generator = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            JsonToken token = parser.nextToken();
            int depth = 0;
            do {
                if (token.isNumeric()) {
                    generator.writeNumber(parser.getText()); // the text as sent: 1e400 stays 1e400
                } else {
                    generator.copyCurrentEvent(parser);
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (depth != 0 || parser.nextToken() != null) {
                return body;
            }
        } catch (IOException notJson) {
            return body;
        }
        return out.toString();
    }
}

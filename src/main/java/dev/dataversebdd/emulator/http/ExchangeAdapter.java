package dev.dataversebdd.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.ops.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only code that knows the JDK HTTP server: turns an {@link HttpExchange} into an {@link EmulatorRequest},
 * lets the core answer, and writes the answer back. Oversized bodies are refused before they are buffered.
 */
final class ExchangeAdapter implements HttpHandler {

    private final DataverseService service;
    private final int maxBodyBytes;

    ExchangeAdapter(DataverseService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            EmulatorResponse response;
            try {
                response = service.handle(toRequest(exchange));
            } catch (DataverseException e) {
                response = Responses.error(e);
            }
            write(exchange, response);
        }
    }

    private EmulatorRequest toRequest(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey(), String.join(", ", header.getValue()));
        }
        String declared = headers.get("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBodyBytes) {
            throw Errors.payloadTooLarge(maxBodyBytes);
        }
        byte[] body = readBody(exchange.getRequestBody());
        return new EmulatorRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw Errors.payloadTooLarge(maxBodyBytes);
        }
        return body;
    }

    private static void write(HttpExchange exchange, EmulatorResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.status() == 204 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

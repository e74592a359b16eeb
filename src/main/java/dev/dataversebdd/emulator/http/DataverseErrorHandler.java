package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.DataverseService;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself (a request line or header it cannot parse, headers too large) in Dataverse's JSON
 * error shape instead of an HTML page, so that even a malformed request gets a Dataverse-shaped 4xx.
 */
final class DataverseErrorHandler extends ErrorHandler {

    /** Messages that name Java classes say nothing to a client and leak the implementation: left out. */
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "\\b(?:java|javax|org|com)\\.[a-z]\\w*\\.|Exception\\b");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        Object message = request.getAttribute(ERROR_MESSAGE);
        int code = status instanceof Integer i && i >= 400 ? i : 400;
        String detail = message == null || JAVA_WORDS.matcher(message.toString()).find() ? "." : ": " + message + ".";
        WebApiHandler.write(DataverseService.unreadableRequest(code, reason(code) + " - the HTTP request could not be read"
                + detail), response, callback);
        return true;
    }

    /** The status's own reason phrase: a 505 must not say "Bad Request". */
    private static String reason(int code) {
        return switch (code) {
            case 505 -> "HTTP Version Not Supported (the emulator speaks HTTP/1.0 and HTTP/1.1)";
            case 431 -> "Request Header Fields Too Large";
            case 414 -> "URI Too Long";
            case 413 -> "Payload Too Large";
            case 408 -> "Request Timeout";
            default -> HttpStatus.getMessage(code);
        };
    }
}

package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.ops.Responses;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself (a request line or header it cannot parse, headers too large) in Dataverse's JSON
 * error shape instead of an HTML page, so that even a malformed request gets a Dataverse-shaped 4xx.
 */
final class DataverseErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        Object message = request.getAttribute(ERROR_MESSAGE);
        int code = status instanceof Integer i && i >= 400 ? i : 400;
        WebApiHandler.write(Responses.error(new DataverseException(code, "0x0", "Bad Request - the HTTP request could "
                + "not be read" + (message == null ? "." : ": " + message + "."))), response, callback);
        return true;
    }
}

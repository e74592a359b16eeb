package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.ops.Responses;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The only code that knows Jetty's request API: turns a request into an {@link EmulatorRequest}, lets the core
 * answer, and writes the answer back with its headers spelled as Dataverse spells them.
 *
 * <p>Non-blocking: the body is collected asynchronously (refused past the size limit before it is all buffered)
 * and the core's work is short and never waits on I/O, so Jetty can run it without handing each request to
 * another thread. Only injected latency sleeps, so then the work moves to a pool thread.
 */
final class WebApiHandler extends Handler.Abstract.NonBlocking {

    private final DataverseService service;
    private final int maxBodyBytes;

    WebApiHandler(DataverseService service, int maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            write(Responses.error(Errors.payloadTooLarge(maxBodyBytes)), response, callback);
            return true;
        }
        if (declared == 0) {
            answer(request, new byte[0], response, callback);
            return true;
        }
        Content.Source.asByteArrayAsync(request, maxBodyBytes).whenComplete((body, failure) -> {
            if (failure != null) {
                write(Responses.error(declared < 0 && failure instanceof IllegalArgumentException
                        ? Errors.payloadTooLarge(maxBodyBytes)
                        : Errors.badPayload("The request body could not be read: " + failure.getMessage())), response, callback);
            } else {
                answer(request, body, response, callback);
            }
        });
        return true;
    }

    private void answer(Request request, byte[] body, Response response, Callback callback) {
        if (service.delaysRequests()) {
            request.getComponents().getThreadPool().execute(() -> serve(request, body, response, callback));
        } else {
            serve(request, body, response, callback);
        }
    }

    private void serve(Request request, byte[] body, Response response, Callback callback) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        EmulatorResponse answer;
        try {
            answer = service.handle(new EmulatorRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), headers, body));
        } catch (DataverseException e) {
            answer = Responses.error(e);
        }
        write(answer, response, callback);
    }

    static void write(EmulatorResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        byte[] body = answer.body();
        if (body.length == 0 || answer.status() == 204) {
            response.getHeaders().put("Content-Length", "0");
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}

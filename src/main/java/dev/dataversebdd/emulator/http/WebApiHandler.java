package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * The only code that knows Jetty's request API: turns a request into an {@link EmulatorRequest}, lets the core
 * answer, and writes the answer back with its headers spelled as Dataverse spells them.
 *
 * <p>Non-blocking: the body is collected asynchronously (refused past the size limit before it is all buffered)
 * and the core's work is short and never waits on I/O, so Jetty can run it without handing each request to
 * another thread. Only injected latency sleeps, so then the work moves to a pool thread.
 */
final class WebApiHandler extends Handler.Abstract.NonBlocking {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd.emulator");

    /** Bodies up to this many times the limit are read and dropped before the 413; larger ones are cut off. */
    private static final long DRAIN_FACTOR = 4;

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
            EmulatorResponse tooLarge = DataverseService.payloadTooLarge(maxBodyBytes);
            if (declared <= DRAIN_FACTOR * maxBodyBytes) {
                // most clients send the whole body before they read: take it in (and drop it) so they see the 413
                Content.Source.consumeAll(request, Callback.from(() -> write(tooLarge, response, callback),
                        failure -> write(tooLarge, response, callback)));
            } else {
                write(tooLarge, response, callback);
            }
            return true;
        }
        if (declared == 0) {
            answer(request, new byte[0], response, callback);
            return true;
        }
        Content.Source.asByteArrayAsync(request, maxBodyBytes, Promise.Invocable.from(InvocationType.NON_BLOCKING,
                body -> answer(request, body, response, callback), failure -> {
                    if (declared < 0 && isOverLimit(failure)) {
                        write(DataverseService.payloadTooLarge(maxBodyBytes), response, callback);
                    } else {
                        // the client went away or sent a broken body: say so without any of Java's words
                        write(DataverseService.unreadableBody(), response, callback);
                    }
                }));
        return true;
    }

    /** Jetty reports a chunked body over the limit as one of these (wrapped, should a future ever carry it). */
    private static boolean isOverLimit(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof IllegalArgumentException || cause instanceof IllegalStateException;
    }

    private void answer(Request request, byte[] body, Response response, Callback callback) {
        if (service.delaysRequests()) {
            request.getComponents().getExecutor().execute(() -> serve(request, body, response, callback));
        } else {
            serve(request, body, response, callback);
        }
    }

    /** Always completes the response: whatever is thrown, the client gets a Dataverse-shaped answer, never a hang. */
    private void serve(Request request, byte[] body, Response response, Callback callback) {
        EmulatorResponse answer;
        try {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (HttpField field : request.getHeaders()) {
                headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
            }
            answer = service.handle(new EmulatorRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), headers, body));
        } catch (Throwable e) { // a defect outside the core (the core answers its own)
            String requestLine = request.getMethod() + " " + request.getHttpURI().getPathQuery();
            LOG.log(System.Logger.Level.ERROR, "emulator defect while serving " + requestLine, e);
            answer = DataverseService.defect(requestLine);
        }
        try {
            write(answer, response, callback);
        } catch (Throwable e) { // cannot even write: end the exchange so the client is not left waiting
            callback.failed(e);
        }
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

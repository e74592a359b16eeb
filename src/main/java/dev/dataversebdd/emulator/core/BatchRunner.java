package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.batch.BatchAnswer;
import dev.dataversebdd.emulator.core.batch.BatchItem;
import dev.dataversebdd.emulator.core.batch.BatchRequest;
import dev.dataversebdd.emulator.core.batch.ContentIds;
import dev.dataversebdd.emulator.core.batch.MalformedBatch;
import dev.dataversebdd.emulator.core.batch.PartRequest;
import dev.dataversebdd.emulator.core.ops.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@code $batch} (D11, OData 4.0 Protocol §11.7): reads it whole first, so a malformed batch applies nothing;
 * then runs its requests in order, each one outside a change set as its own unit of work and each change set as one
 * unit that a failure rolls back entirely. Without {@code Prefer: odata.continue-on-error} processing stops at the
 * first failure, and the batch answers with that failure's status; with it, every request runs and the batch
 * answers 200.
 */
final class BatchRunner {

    /** What the runner needs from the service: routing a part, units of work, the journal. */
    interface Parts {
        /** Serves one part; Dataverse's refusals are thrown, as for a request of its own. */
        EmulatorResponse route(EmulatorRequest part);

        void begin();

        void commit();

        void rollback();

        void journal(EmulatorRequest part, int status);
    }

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd.emulator");

    private final Parts parts;
    private final EmulatorRequest batch;
    private final String version;

    BatchRunner(Parts parts, EmulatorRequest batch, String version) {
        this.parts = parts;
        this.batch = batch;
        this.version = version;
    }

    EmulatorResponse run() {
        BatchRequest request;
        try {
            request = BatchRequest.read(batch.header("Content-Type"), batch.body());
        } catch (MalformedBatch e) {
            throw new DataverseException(400, "0x0", e.getMessage());
        }
        BatchAnswer answer = new BatchAnswer();
        if (request.bareLineFeeds()) {
            String unreadable = firstEntitySetWithBody(request);
            if (unreadable != null) {
                answer.single(null, Responses.error(Errors.batchStreamNotReadable(unreadable)));
                return answer.toResponse(400);
            }
        }
        String prefer = batch.header("Prefer");
        boolean continueOnError = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("odata.continue-on-error");
        for (BatchItem item : request.items()) {
            int failed = item instanceof BatchItem.ChangeSet changeSet ? runChangeSet(changeSet, answer)
                    : runSingle(((BatchItem.Single) item).request(), answer);
            if (failed != 0 && !continueOnError) {
                return answer.toResponse(failed); // "the batch error represents the error of the first failing request" (D11)
            }
        }
        return answer.toResponse(200);
    }

    /** Returns the failure's status, or 0. */
    private int runSingle(PartRequest part, BatchAnswer answer) {
        EmulatorRequest request = toRequest(part);
        boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
        EmulatorResponse response;
        if (write) {
            parts.begin();
        }
        try {
            response = parts.route(request);
            if (write) {
                if (response.status() >= 400) {
                    parts.rollback();
                } else {
                    parts.commit();
                }
            }
        } catch (Throwable e) { // a refusal or a defect: nothing of the request stays
            if (write) {
                parts.rollback();
            }
            response = errorFor(e, request);
        }
        parts.journal(request, response.status());
        answer.single(part.contentId(), response);
        return response.status() >= 400 ? response.status() : 0;
    }

    private int runChangeSet(BatchItem.ChangeSet changeSet, BatchAnswer answer) {
        ContentIds contentIds = new ContentIds();
        List<String> ids = new ArrayList<>();
        List<EmulatorResponse> responses = new ArrayList<>();
        parts.begin();
        for (PartRequest part : changeSet.requests()) {
            EmulatorRequest request = null;
            EmulatorResponse response;
            try {
                request = toRequest(contentIds.resolve(part));
                response = parts.route(request);
            } catch (Throwable e) {
                response = errorFor(e, request == null ? toRequest(part) : request);
            }
            parts.journal(request == null ? toRequest(part) : request, response.status());
            if (response.status() >= 400) {
                parts.rollback(); // a change set is atomic: every earlier request of it is undone
                answer.single(part.contentId(), response);
                return response.status();
            }
            contentIds.declare(part.contentId(), response.header("OData-EntityId"));
            ids.add(part.contentId());
            responses.add(response);
        }
        parts.commit();
        answer.changeSet(ids, responses);
        return 0;
    }

    private static EmulatorResponse errorFor(Throwable e, EmulatorRequest request) {
        if (e instanceof DataverseException refusal) {
            return Responses.error(refusal);
        }
        String requestLine = request.method() + " " + request.target();
        LOG.log(System.Logger.Level.ERROR, "emulator defect while serving batch part " + requestLine, e);
        return Responses.error(Errors.emulatorDefect(requestLine));
    }

    /** A part as a request of its own: its URL made root-relative, its headers plus the batch's host and switches. */
    private EmulatorRequest toRequest(PartRequest part) {
        String target = part.target();
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int path = target.indexOf('/', scheme + 3);
            target = path < 0 ? "/" : target.substring(path);
        } else if (!target.startsWith("/")) {
            target = ParsedRequest.API_PREFIX + version + "/" + target;
        }
        Map<String, String> headers = new LinkedHashMap<>(part.headers());
        for (String inherited : List.of("Host", "Authorization", "MSCRMCallerID", "CallerObjectId",
                DataverseService.BEHAVIOUR_HEADER)) {
            if (batch.header(inherited) != null && !part.headers().containsKey(inherited)) {
                headers.put(inherited, batch.header(inherited));
            }
        }
        int query = target.indexOf('?');
        return new EmulatorRequest(part.method(), query < 0 ? target : target.substring(0, query),
                query < 0 ? null : target.substring(query + 1), headers, part.bodyBytes());
    }

    private static String firstEntitySetWithBody(BatchRequest request) {
        for (BatchItem item : request.items()) {
            List<PartRequest> requests = item instanceof BatchItem.ChangeSet c ? c.requests()
                    : List.of(((BatchItem.Single) item).request());
            for (PartRequest part : requests) {
                if (part.hasBody()) {
                    String path = part.target().replaceFirst("^.*/api/data/v[0-9.]+/", "").replaceFirst("^/", "");
                    return path.split("[(/?]", 2)[0];
                }
            }
        }
        return null;
    }
}

package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.limits.Limiter;
import dev.dataversebdd.emulator.core.ops.Responses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request from arrival to answer: the test surface's own routes apart; for the Web API the injected delay and
 * fault, the bearer check, reading the request, then routing it as a read, a write or a batch on the locked store.
 * Every request gets an answer (a Dataverse refusal, or a 500 for a defect) and every Web API request is journaled.
 * With service protection on, an authenticated request is first counted against its caller's limits: over them it
 * is answered 429 unserved, and every answer carries the pacing headers. A {@code $batch} is one request here, its
 * parts never pass this way, so it counts once with the execution time of all its parts.
 */
final class RequestPipeline {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd.emulator");

    private final LockedStore store;
    private final FaultsAndDelays trouble;
    private final BearerCheck bearer;
    private final Journal journal;
    private final AdminApi admin;
    private volatile BehaviourProfile profile;
    private volatile Limiter limits;

    RequestPipeline(LockedStore store, FaultsAndDelays trouble, BearerCheck bearer, Journal journal, AdminApi admin,
                    BehaviourProfile profile) {
        this.store = store;
        this.trouble = trouble;
        this.bearer = bearer;
        this.journal = journal;
        this.admin = admin;
        this.profile = profile;
    }

    BehaviourProfile profile() {
        return profile;
    }

    void profile(BehaviourProfile replacement) {
        profile = replacement;
    }

    /** {@code null} turns service protection off. */
    void limits(Limiter limiter) {
        limits = limiter;
    }

    Limiter limits() {
        return limits;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        if (request.path().startsWith(AdminApi.PREFIX)) {
            // the test surface can change and erase everything: when the API needs a token, so does it
            return bearer.refusal(request).orElseGet(() -> admin.handle(request));
        }
        Limiter limiter = limits;
        return limiter == null ? served(request) : counted(request, limiter);
    }

    /** Counted against the caller's limits: an unauthenticated request is refused before it counts, as Dataverse does. */
    private EmulatorResponse counted(EmulatorRequest request, Limiter limiter) {
        EmulatorResponse unauthenticated = bearer.refusal(request).orElse(null);
        if (unauthenticated != null) {
            journal.record(request, unauthenticated.status());
            return unauthenticated;
        }
        String caller = Limiter.callerOf(request.headers());
        Limiter.Admission admission = limiter.admit(caller);
        if (admission.refused()) {
            Limiter.Refusal refusal = admission.refusal();
            EmulatorResponse tooMany = withHeaders(Responses.error(new DataverseException(429, refusal.code(),
                    refusal.message())), refusal.headers());
            journal.record(request, tooMany.status());
            return tooMany;
        }
        EmulatorResponse response;
        Map<String, String> pacing;
        try {
            response = served(request);
        } finally { // served answers everything, but the caller's place among the concurrent ones is freed regardless
            pacing = admission.finish();
        }
        String retryAfter = response.header("Retry-After");
        if (response.status() == 429 && retryAfter != null && retryAfter.matches("\\d{1,6}")) {
            // a forced 429 (an injected fault) is a penalty like any other: sending during it lengthens it
            limiter.penalise(caller, Long.parseLong(retryAfter));
        }
        return withHeaders(response, pacing);
    }

    private static EmulatorResponse withHeaders(EmulatorResponse response, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        extra.forEach(headers::putIfAbsent);
        return new EmulatorResponse(response.status(), headers, response.body());
    }

    private EmulatorResponse served(EmulatorRequest request) {
        EmulatorResponse response;
        try {
            response = serve(request);
        } catch (DataverseException e) {
            response = Responses.error(e);
        } catch (Throwable e) { // any defect, Errors included, must still get an answer (the unit of work is rolled back)
            String requestLine = request.method() + " " + request.target();
            LOG.log(System.Logger.Level.ERROR, "emulator defect while serving " + requestLine, e);
            response = Responses.error(Errors.emulatorDefect(requestLine));
        }
        journal.record(request, response.status());
        return response;
    }

    private EmulatorResponse serve(EmulatorRequest request) {
        return trouble.beforeRequest().or(() -> bearer.refusal(request)).orElseGet(() -> route(request));
    }

    private EmulatorResponse route(EmulatorRequest request) {
        String serviceRoot = ParsedRequest.serviceRoot(request);
        ParsedRequest parsed = ParsedRequest.parse(request, serviceRoot, profile);
        return switch (parsed.kind()) {
            case BATCH -> batch(request, parsed, serviceRoot);
            case WRITE -> store.write(parsed);
            case READ -> store.read(parsed);
        };
    }

    /** The whole batch holds the store alone, so no other request sees a change set half-done. */
    private EmulatorResponse batch(EmulatorRequest request, ParsedRequest parsed, String serviceRoot) {
        if (!request.method().equals("POST")) {
            throw Errors.noHttpResource(parsed.context().serviceRoot() + "/$batch");
        }
        BatchParts parts = new BatchParts(store, trouble, journal, part -> ParsedRequest.parse(part, serviceRoot, profile));
        return store.alone(() -> new BatchRunner(parts, request, parsed.version()).run());
    }
}

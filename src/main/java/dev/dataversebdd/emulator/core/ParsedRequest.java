package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.ops.RequestContext;
import dev.dataversebdd.emulator.core.ops.Router;
import dev.dataversebdd.emulator.core.uri.EntityUrl;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import dev.dataversebdd.emulator.core.uri.ResourcePath;

/**
 * A Web API request read once: what kind of call it is (the pipeline switches over that), its resource path, and
 * what its operation needs to know. Reading refuses what Dataverse refuses before any operation: a path outside
 * {@value #API_PREFIX}, an unknown API version, and a malformed behaviour header.
 */
record ParsedRequest(Kind kind, ResourcePath path, RequestContext context) {

    static final String API_PREFIX = "/api/data/";

    enum Kind {
        /** {@code $batch} (only POST has it): its parts run one by one while the batch holds the store alone. */
        BATCH,
        /** POST, PUT, PATCH, DELETE: one unit of work, holding the store alone. */
        WRITE,
        /** Anything else: shares the store with other reads. */
        READ
    }

    /** Reads {@code request}, sent to {@code serviceRoot}, with {@code profile} as the behaviour its header amends. */
    static ParsedRequest parse(EmulatorRequest request, String serviceRoot, BehaviourProfile profile) {
        BehaviourProfile requestProfile = profileFor(request, profile);
        String version = versionOf(request, requestProfile);
        String resource = request.path().substring(API_PREFIX.length() + version.length());
        RequestContext context = new RequestContext(request, serviceRoot + API_PREFIX + version, requestProfile,
                QueryOptions.parse(request.rawQuery()));
        ResourcePath path = ResourcePath.parse(resource);
        Kind kind = path.size() == 1 && path.get(0).is("$batch") ? Kind.BATCH
                : Router.isWrite(request.method()) ? Kind.WRITE : Kind.READ;
        return new ParsedRequest(kind, path, context);
    }

    /** The origin the request was sent to ({@code http://} and its {@code Host}), to echo in the URLs of the answer. */
    static String serviceRoot(EmulatorRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null || host.isBlank() ? "localhost" : host.trim());
    }

    /** The API version the request names, e.g. {@code v9.2}. */
    String version() {
        String root = context.serviceRoot();
        return root.substring(root.lastIndexOf('/') + 1);
    }

    private static String versionOf(EmulatorRequest request, BehaviourProfile profile) {
        String path = request.path();
        String unknownCode = profile.mode(Behaviour.UNKNOWN_SEGMENT_CODE);
        if (!path.startsWith(API_PREFIX)) {
            String first = path.replaceFirst("^/", "");
            int slash = first.indexOf('/');
            throw Errors.resourceNotFoundForSegment(slash < 0 ? first : first.substring(0, slash), unknownCode);
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        if (!EntityUrl.VERSIONS.contains(version)) {
            throw Errors.resourceNotFoundForSegment(version, unknownCode);
        }
        return version;
    }

    private static BehaviourProfile profileFor(EmulatorRequest request, BehaviourProfile profile) {
        String overrides = request.header(DataverseService.BEHAVIOUR_HEADER);
        if (overrides == null) {
            return profile;
        }
        try {
            return profile.withAll(overrides);
        } catch (IllegalArgumentException e) {
            throw new DataverseException(400, "EMULATOR_BEHAVIOUR", "Header " + DataverseService.BEHAVIOUR_HEADER + ": "
                    + e.getMessage());
        }
    }
}

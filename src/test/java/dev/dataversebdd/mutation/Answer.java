package dev.dataversebdd.mutation;

import java.util.Map;
import java.util.TreeMap;

/** One response, as the emulator gave it or as a mutation rewrites it before the suite sees it. */
record Answer(int status, Map<String, String> headers, String body) {

    Answer {
        TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        names.putAll(headers);
        headers = names;
    }

    /** 204 No Content, as Dataverse answers a write that returns nothing. */
    static Answer noContent() {
        return new Answer(204, Map.of("OData-Version", "4.0"), "");
    }

    /** A Dataverse-shaped error: {@code {"error":{"code":…,"message":…}}}. */
    static Answer error(int status, String code, String message) {
        return new Answer(status, Map.of("Content-Type", "application/json; odata.metadata=minimal", "OData-Version", "4.0"),
                "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    Answer withStatus(int newStatus) {
        return new Answer(newStatus, headers, body);
    }

    Answer withBody(String newBody) {
        return new Answer(status, headers, newBody);
    }

    Answer withoutHeader(String name) {
        Map<String, String> fewer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fewer.putAll(headers);
        fewer.remove(name);
        return new Answer(status, fewer, body);
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new Answer(status, more, body);
    }

    boolean failed() {
        return status >= 400;
    }

    String header(String name) {
        return headers.get(name);
    }
}

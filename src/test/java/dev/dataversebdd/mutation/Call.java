package dev.dataversebdd.mutation;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the proxy received it from the suite, or as a mutation rewrites it before it reaches the emulator.
 *
 * @param target the path and query, as sent ({@code /api/data/v9.2/accounts(…)/contact_customer_accounts/$ref})
 * @param headers case-insensitive names
 * @param body the body as text, "" when there is none
 */
record Call(String method, String target, Map<String, String> headers, String body) {

    Call {
        TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        names.putAll(headers);
        headers = names;
    }

    Call withBody(String newBody) {
        return new Call(method, target, headers, newBody);
    }

    Call withTarget(String newTarget) {
        return new Call(method, newTarget, headers, body);
    }

    Call withoutHeader(String name) {
        Map<String, String> fewer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fewer.putAll(headers);
        fewer.remove(name);
        return new Call(method, target, fewer, body);
    }

    Call withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new Call(method, target, more, body);
    }

    /** The path without the query, decoded of nothing: as the suite wrote it. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    boolean is(String expectedMethod) {
        return method.equalsIgnoreCase(expectedMethod);
    }

    boolean isBatch() {
        return is("POST") && path().endsWith("/$batch");
    }
}

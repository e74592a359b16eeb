package dev.dataversebdd.dsl;

import java.util.Map;

/**
 * One request a verb wants sent, as a value: what it is called in failure messages, the sentence that says what it
 * does to which rows, the HTTP request itself, the table it is about (for hints), and whether Dataverse documents an
 * {@code OData-EntityId} in its answer. Verbs build it; {@link Conversation#send} sends it.
 */
record Operation(String name, String sentence, String method, String path, Map<String, String> headers, String body,
                 String table, Outcome.EntityId entityId) {

    static Operation of(String name, String sentence, String method, String path, String body, String table) {
        return new Operation(name, sentence, method, path, Map.of(), body, table, Outcome.EntityId.NONE);
    }

    Operation withHeaders(Map<String, String> more) {
        return new Operation(name, sentence, method, path, Map.copyOf(more), body, table, entityId);
    }

    Operation saying(String words) {
        return new Operation(name, words, method, path, headers, body, table, entityId);
    }

    Operation expectingEntityId(Outcome.EntityId expected) {
        return new Operation(name, sentence, method, path, headers, body, table, expected);
    }
}

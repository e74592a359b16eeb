package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A request ready to send: the headers and body as the guard leaves them (on a live org every new row carries an id
 * chosen beforehand), and the rows it would create, each with the JSON object that creates it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Prepared(String method, String written, Map<String, String> headers, String body,
                       List<Effect.Creates> creates, List<RowId> deletes, Map<UUID, ObjectNode> createdBodies) {

    /** As it was written: what the embedded emulator gets, where nothing needs guarding. */
    static Prepared unchanged(String method, String written, Map<String, String> headers, String body) {
        return new Prepared(method, written, headers, body, List.of(), List.of(), Map.of());
    }
}

package dev.dataversebdd.mutation;

import dev.dataversebdd.wire.ClientSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a deviating server knows of itself: its schema (read once from the emulator's {@code $metadata}), so a mutant
 * can tell an N:N navigation property from a 1:N one. One instance per mutant run.
 */
final class ServerKnowledge {

    private ClientSchema schema;

    /** The relationship kind of {@code navigation} on {@code entitySet}: "N:N", "1:N", "N:1", or empty if unknown. */
    synchronized Optional<String> kind(Call call, Upstream emulator, String entitySet, String navigation) {
        return schema(call, emulator).table(entitySet).flatMap(table -> table.navigation(navigation)).map(nav -> {
            if (!nav.collection()) {
                return "N:1";
            }
            return schema.childSide(nav).isPresent() ? "1:N" : "N:N";
        });
    }

    /** True when {@code navigation} on {@code entitySet} is one of several that write the same lookup (customerid). */
    synchronized boolean isMultiTableLookup(Call call, Upstream emulator, String entitySet, String navigation) {
        return schema(call, emulator).table(entitySet).flatMap(table -> table.navigation(navigation)
                .filter(nav -> nav.lookupProperty() != null)
                .map(nav -> table.navigationsOfLookup(nav.lookupProperty()).size() > 1)).orElse(false);
    }

    private ClientSchema schema(Call call, Upstream emulator) {
        if (schema == null) {
            String version = call.path().replaceAll(".*/api/data/(v\\d+\\.\\d+)/.*", "$1");
            Map<String, String> headers = new HashMap<>();
            if (call.headers().containsKey("Authorization")) {
                headers.put("Authorization", call.headers().get("Authorization"));
            }
            Answer metadata = emulator.send(new Call("GET", "/api/data/" + version + "/$metadata", headers, ""));
            schema = ClientSchema.parse(metadata.body().getBytes(StandardCharsets.UTF_8));
        }
        return schema;
    }
}

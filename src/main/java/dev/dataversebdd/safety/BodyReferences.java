package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The reference values of a JSON body ({@code @odata.id}, {@code …@odata.bind}, in arrays and nested rows too),
 * mapped one by one: where a batch request names rows by Content-ID. A body that is not JSON is left as it is (the
 * guard reads such a body itself, and refuses it when it seems to name rows).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class BodyReferences {

    /** Maps one reference value; may throw to refuse the request. */
    @FunctionalInterface
    public interface Mapping {
        String map(String reference) throws Refusal;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyReferences() {
    }

    /** {@code body} with each reference value mapped; the very same text when no value changed. */
    public static String map(String body, Mapping mapping) {
        if (body == null || body.isBlank()) {
            return body;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        return replace(json, mapping) ? json.toString() : body;
    }

    private static boolean replace(JsonNode node, Mapping mapping) {
        boolean replaced = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean reference = field.getKey().equals("@odata.id") || field.getKey().endsWith("@odata.bind");
                if (reference && field.getValue().isTextual()) {
                    String mapped = mapping.map(field.getValue().asText());
                    replaced |= !mapped.equals(field.getValue().asText());
                    field.setValue(TextNode.valueOf(mapped));
                } else if (reference && field.getValue() instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).isTextual()) {
                            String mapped = mapping.map(items.get(i).asText());
                            replaced |= !mapped.equals(items.get(i).asText());
                            items.set(i, TextNode.valueOf(mapped));
                        }
                    }
                } else {
                    replaced |= replace(field.getValue(), mapping);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                replaced |= replace(item, mapping);
            }
        }
        return replaced;
    }
}

package dev.dataversebdd.emulator.core.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dataversebdd.emulator.core.Errors;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The Content-IDs a change set has declared so far and the URL each stands for (D11, "Reference URIs in an
 * operation"): {@code $1} at the start of a later request's URL ({@code PATCH $1}, {@code PUT $1/primarycontactid/$ref})
 * and as the whole value of {@code @odata.id} or {@code …@odata.bind} in its body, in bind arrays and nested rows
 * too. A reference to a Content-ID not yet declared is Dataverse's 400.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ContentIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> urls = new HashMap<>();

    /** Part {@code contentId} answered with this entity URL ({@code OData-EntityId}). */
    public void declare(String contentId, String entityUrl) {
        if (contentId != null && entityUrl != null) {
            urls.put(contentId, entityUrl);
        }
    }

    /** The request with every {@code $n} replaced by the URL it stands for. */
    public PartRequest resolve(PartRequest request) {
        PartRequest resolved = request;
        if (request.target().startsWith("$")) {
            int end = endOfReference(request.target());
            resolved = resolved.withTarget(url(request.target().substring(0, end)) + request.target().substring(end));
        }
        if (request.hasBody() && request.body().contains("\"$")) {
            resolved = resolved.withBody(resolveBody(request.body()));
        }
        return resolved;
    }

    private String resolveBody(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return body; // not JSON: the operation itself answers Dataverse's payload error
        }
        return replaceIn(json) ? json.toString() : body;
    }

    private boolean replaceIn(JsonNode node) {
        boolean replaced = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean reference = field.getKey().equals("@odata.id") || field.getKey().endsWith("@odata.bind");
                if (reference && isReference(field.getValue())) {
                    field.setValue(TextNode.valueOf(url(field.getValue().asText())));
                    replaced = true;
                } else if (reference && field.getValue() instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (isReference(items.get(i))) {
                            items.set(i, TextNode.valueOf(url(items.get(i).asText())));
                            replaced = true;
                        }
                    }
                } else {
                    replaced |= replaceIn(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                replaced |= replaceIn(item);
            }
        }
        return replaced;
    }

    private static boolean isReference(JsonNode value) {
        return value.isTextual() && value.asText().startsWith("$") && value.asText().length() > 1;
    }

    private String url(String reference) {
        String url = urls.get(reference.substring(1));
        if (url == null) {
            throw Errors.contentIdReferenceMissing(reference);
        }
        return url;
    }

    private static int endOfReference(String target) {
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return target.length();
    }
}

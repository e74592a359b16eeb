package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.EditDistance;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The target's privileges by name, read once a session ({@code GET privileges?$select=name,privilegeid}, every page):
 * a misspelt name fails before a role is changed, with the closest names. Dataverse matches names without regard to
 * case, and so does this.
 */
final class PrivilegeNames {

    private Map<String, Map.Entry<String, UUID>> byLowerName;

    /** The privilege's id and its name as the target spells it; fails with a "did you mean". */
    Map.Entry<String, UUID> require(Conversation conversation, String name) {
        Map<String, Map.Entry<String, UUID>> known = known(conversation);
        Map.Entry<String, UUID> found = known.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new IllegalArgumentException("the target has no privilege '" + name + "'" + EditDistance.didYouMean(name,
                    known.values().stream().map(Map.Entry::getKey).toList())
                    + " (names are prv<Verb><Table>, e.g. prvAppendToAccount)");
        }
        return found;
    }

    private synchronized Map<String, Map.Entry<String, UUID>> known(Conversation conversation) {
        if (byLowerName == null) {
            Map<String, Map.Entry<String, UUID>> all = new LinkedHashMap<>();
            String next = "privileges?$select=name,privilegeid";
            for (int pages = 0; next != null && pages < 100; pages++) {
                JsonNode page = conversation.read("read the target's privileges", next, Map.of(), "privilege");
                for (JsonNode privilege : page.path("value")) {
                    String name = privilege.path("name").asText();
                    all.put(name.toLowerCase(Locale.ROOT), Map.entry(name,
                            UUID.fromString(privilege.path("privilegeid").asText())));
                }
                next = page.hasNonNull("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
            }
            byLowerName = all;
        }
        return byLowerName;
    }
}

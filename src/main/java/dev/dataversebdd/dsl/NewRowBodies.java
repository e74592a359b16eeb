package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link NewRow} into the body of its create, and after a deep insert finds the rows it made inside (which
 * Dataverse does not return) so that they get their aliases and a place in the ledger.
 */
final class NewRowBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Rows rows;
    private final RowUrls urls;
    private final Conversation conversation;

    NewRowBodies(Rows rows, RowUrls urls, Conversation conversation) {
        this.rows = rows;
        this.urls = urls;
        this.conversation = conversation;
    }

    /** The JSON body that creates {@code row}: columns, {@code @odata.bind}s and nested rows. */
    ObjectNode render(NewRow row) {
        ClientSchema.Table table = rows.table(row.table());
        ObjectNode body = JSON.createObjectNode();
        table.primaryNameColumn().filter(c -> !row.values().containsKey(c) && row.alias() != null)
                .ifPresent(c -> body.put(c, rows.storedName(row.alias())));
        row.values().forEach((column, value) -> body.set(column, JSON.valueToTree(value)));
        row.binds().forEach((nav, targets) -> {
            boolean collection = table.navigation(nav).map(ClientSchema.Navigation::collection).orElse(targets.size() > 1);
            if (collection) {
                ArrayNode array = body.putArray(nav + "@odata.bind");
                targets.forEach(t -> array.add(urls.bind(t)));
            } else {
                body.put(nav + "@odata.bind", urls.bind(targets.get(0)));
            }
        });
        row.inserts().forEach((nav, children) -> {
            boolean collection = table.navigation(nav).map(ClientSchema.Navigation::collection).orElse(children.size() > 1);
            if (collection) {
                ArrayNode array = body.putArray(nav);
                children.forEach(c -> array.add(render(c)));
            } else {
                body.set(nav, render(children.get(0)));
            }
        });
        return body;
    }

    /**
     * Finds the rows a deep insert created inside {@code parent} (Dataverse returns only the root's URL), from the
     * body that created it: every object nested under a navigation property is a new row. Each goes into the ledger,
     * so cleanup deletes it; with {@code nameThem} it also gets its alias back (the DSL's own bodies, whose names are
     * the aliases), so read-back can name it. A row whose id the body mentions anywhere (a bind, in any spelling)
     * existed before and is left out. Used on the emulator; on a live org the guard gives every new row its id.
     */
    void discoverInserted(RowRef parent, JsonNode body, boolean nameThem) {
        discoverInserted(parent, body, nameThem, mentionedIds(body, new HashSet<>()));
    }

    private void discoverInserted(RowRef parent, JsonNode body, boolean nameThem, Set<String> mentioned) {
        ClientSchema.Table parentTable = rows.table(parent.table());
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            Optional<ClientSchema.Navigation> nav = parentTable.navigation(field.getKey());
            List<JsonNode> nested = objects(field.getValue());
            if (nav.isEmpty() || nested.isEmpty()) {
                continue;
            }
            ClientSchema.Table childTable = rows.table(nav.get().targetTable());
            String nameColumn = childTable.primaryNameColumn().orElse(childTable.primaryKey());
            JsonNode json = conversation.read("find the rows created inside " + parent.describe(), parent.path() + "?$select="
                    + parentTable.primaryKey() + "&$expand=" + field.getKey() + "($select=" + childTable.primaryKey() + ","
                    + nameColumn + ")", Map.of(), parent.table());
            for (JsonNode candidate : objects(json.path(field.getKey()))) {
                String id = candidate.path(childTable.primaryKey()).asText();
                if (mentioned.contains(id.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String storedName = candidate.path(nameColumn).asText(null);
                JsonNode spec = nested.size() == 1 ? nested.get(0) : nested.stream()
                        .filter(n -> storedName != null && storedName.equals(n.path(nameColumn).asText(null)))
                        .findFirst().orElse(null);
                String alias = nameThem && storedName != null ? rows.aliasOf(storedName) : null;
                RowRef created = rows.remember(alias, childTable, UUID.fromString(id));
                if (spec != null) {
                    discoverInserted(created, spec, nameThem, mentioned);
                }
            }
        }
    }

    private static List<JsonNode> objects(JsonNode value) {
        List<JsonNode> objects = new ArrayList<>();
        if (value.isObject()) {
            objects.add(value);
        } else if (value.isArray()) {
            value.forEach(item -> {
                if (item.isObject()) {
                    objects.add(item);
                }
            });
        }
        return objects;
    }

    /** Every GUID written anywhere in the body, lower-cased: the rows it binds, however spelt. */
    private static Set<String> mentionedIds(JsonNode node, Set<String> ids) {
        if (node.isTextual()) {
            Matcher guid = GUID.matcher(node.asText());
            while (guid.find()) {
                ids.add(guid.group().toLowerCase(Locale.ROOT));
            }
        }
        node.forEach(child -> mentionedIds(child, ids));
        return ids;
    }
}

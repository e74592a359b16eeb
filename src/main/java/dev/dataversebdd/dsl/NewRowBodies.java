package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.dsl.internal.ClientSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a {@link NewRow} into the body of its create, and after a deep insert finds the rows it made inside (which
 * Dataverse does not return) so that they get their aliases and a place in the ledger.
 */
final class NewRowBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataverseSession session;

    NewRowBodies(DataverseSession session) {
        this.session = session;
    }

    /** The JSON body that creates {@code row}: columns, {@code @odata.bind}s and nested rows. */
    ObjectNode render(NewRow row) {
        ClientSchema.Table table = session.table(row.table());
        ObjectNode body = JSON.createObjectNode();
        table.primaryNameColumn().filter(c -> !row.values().containsKey(c) && row.alias() != null)
                .ifPresent(c -> body.put(c, session.storedName(row.alias())));
        row.values().forEach((column, value) -> body.set(column, JSON.valueToTree(value)));
        row.binds().forEach((nav, targets) -> {
            boolean collection = table.navigation(nav).map(ClientSchema.Navigation::collection).orElse(targets.size() > 1);
            if (collection) {
                ArrayNode array = body.putArray(nav + "@odata.bind");
                targets.forEach(t -> array.add(session.bindReference(t)));
            } else {
                body.put(nav + "@odata.bind", session.bindReference(targets.get(0)));
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
     * Finds the rows a deep insert created (Dataverse returns only the root's URL) by expanding each navigation
     * property, and gives them their aliases, so read-back can name them and cleanup can delete them.
     */
    void discoverInserted(RowRef parent, NewRow spec) {
        ClientSchema.Table parentTable = session.table(parent.table());
        for (Map.Entry<String, List<NewRow>> insert : spec.inserts().entrySet()) {
            Optional<ClientSchema.Navigation> nav = parentTable.navigation(insert.getKey());
            if (nav.isEmpty()) {
                continue;
            }
            ClientSchema.Table childTable = session.table(nav.get().targetTable());
            String nameColumn = childTable.primaryNameColumn().orElse(childTable.primaryKey());
            JsonNode json = session.read("find the rows created inside " + parent.describe(), parent.path() + "?$select="
                    + parentTable.primaryKey() + "&$expand=" + insert.getKey() + "($select=" + childTable.primaryKey()
                    + "," + nameColumn + ")", Map.of(), parent.table());
            JsonNode related = json.path(insert.getKey());
            List<JsonNode> found = new ArrayList<>();
            if (related.isArray()) {
                related.forEach(found::add);
            } else if (related.isObject()) {
                found.add(related);
            }
            for (NewRow child : insert.getValue()) {
                for (JsonNode candidate : found) {
                    if (child.alias() != null && session.storedName(child.alias()).equals(candidate.path(nameColumn).asText(null))) {
                        RowRef created = session.register(child.alias(), childTable,
                                UUID.fromString(candidate.path(childTable.primaryKey()).asText()));
                        discoverInserted(created, child);
                    }
                }
            }
        }
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.CreatedRow;
import dev.dataversebdd.safety.RowId;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.EditDistance;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows a session knows: by alias (per table), the ones it created (top rows and the rows nested in a deep
 * insert, each given to the session's safety net so cleanup removes it), and the target's tables, with "did you
 * mean" errors for misspelt names.
 */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The entity set a path starts with, keyed or not: {@code accounts}, {@code /api/data/v9.0/accounts(…)/…}. */
    private static final Pattern FIRST_SEGMENT = Pattern.compile("^/?(?:api/data/v\\d\\.\\d/)?([A-Za-z0-9_]+)([(/?].*)?$");
    private static final Pattern ENTITY_ID = Pattern.compile("/([A-Za-z0-9_]+)\\(([0-9a-fA-F-]{36})\\)$");

    private final ClientSchema schema;
    private final Conversation conversation;
    private final String rowNamePrefix;
    private final Aliases aliases;
    private final NewRowBodies bodies;
    private RowRef lastCreated;

    Rows(ClientSchema schema, Conversation conversation, RowUrls urls, String rowNamePrefix, Aliases aliases) {
        this.schema = schema;
        this.conversation = conversation;
        this.rowNamePrefix = rowNamePrefix;
        this.aliases = aliases;
        this.bodies = new NewRowBodies(this, urls, conversation);
    }

    NewRowBodies bodies() {
        return bodies;
    }

    Aliases aliases() {
        return aliases;
    }

    ClientSchema schema() {
        return schema;
    }

    /** The table's schema entry; fails listing the tables the target has. */
    ClientSchema.Table table(String name) {
        return schema.table(name).orElseThrow(() -> TableNotOnTarget.isStandard(name) ? new TableNotOnTarget(name)
                : new IllegalArgumentException("the target has no table '" + name + "'"
                + EditDistance.didYouMean(name, schema.tableNames()) + " Tables: " + schema.tableNames()));
    }

    /** A navigation property that some table declares; fails with the closest names. */
    String requireNavigation(String name) {
        List<String> all = schema.tableNames().stream()
                .flatMap(t -> schema.table(t).orElseThrow().navigations().keySet().stream()).distinct().toList();
        if (!all.contains(name)) {
            throw new IllegalArgumentException("no table of the target has a navigation property '" + name + "'"
                    + EditDistance.didYouMean(name, all)
                    + " (names are case sensitive)");
        }
        return name;
    }

    /**
     * A navigation property of the table {@code subject} belongs to; fails before anything is sent when that table
     * does not declare it, naming the tables that do (the sentence's rows swapped?) or the closest names.
     */
    String requireNavigation(String tableName, String name, String subject) {
        ClientSchema.Table own = table(tableName);
        if (own.navigation(name).isPresent()) {
            return name;
        }
        List<String> declaring = schema.tableNames().stream()
                .filter(t -> schema.table(t).orElseThrow().navigation(name).isPresent()).sorted().toList();
        String hint = declaring.isEmpty()
                ? EditDistance.didYouMean(name, own.navigations().keySet())
                : "; " + String.join(" and ", declaring) + (declaring.size() == 1 ? " has" : " have") + " it: are two "
                        + "rows of the sentence swapped?";
        throw new IllegalArgumentException(own.logicalName() + " has no navigation property '" + name + "', so "
                + subject + " cannot have one" + hint);
    }

    /** Names a row the session learned of; naming never makes a row the session's own, only its creates do. */
    RowRef name(String alias, String tableName, UUID id) {
        ClientSchema.Table known = table(tableName);
        RowRef row = new RowRef(alias, known.logicalName(), known.entitySet(), id);
        aliases.put(row);
        return row;
    }

    /** Names the row a single-valued navigation property of {@code row} points to (read back). */
    RowRef nameRelated(RowRef row, String singleNavigation, String alias) {
        ClientSchema.Table table = table(row.table());
        ClientSchema.Navigation nav = table.navigation(singleNavigation).filter(n -> !n.collection())
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no single-valued navigation property '"
                        + singleNavigation + "'"));
        JsonNode json = conversation.read("read " + nav.lookupProperty() + " of " + row.describe(), row.path()
                + "?$select=" + nav.lookupProperty(), Map.of(), row.table());
        String id = json.path(nav.lookupProperty()).asText(null);
        if (id == null) {
            throw conversation.failures().of("read-back", singleNavigation + " of " + row.describe() + " set", "null",
                    "name the " + singleNavigation + " of " + row.describe() + " \"" + alias + "\"", conversation.lastRead(),
                    row.table());
        }
        return name(alias, nav.targetTable(), UUID.fromString(id));
    }

    /** A row of the org named in {@code dataverse.existing-rows}: known by alias, used, never the session's. */
    RowRef existing(String alias, String tableName, UUID id) {
        ClientSchema.Table known = table(tableName);
        RowRef row = new RowRef(alias, known.logicalName(), known.entitySet(), id);
        aliases.putExisting(row);
        return row;
    }

    RowRef lastCreated() {
        if (lastCreated == null) {
            throw new IllegalStateException("no row has been created in this scenario yet");
        }
        return lastCreated;
    }

    /**
     * After a successful create: the new row and the rows nested in it become the session's own, named by their
     * aliases where {@code nameThem}. On a live org the guard proved which rows the request made (it chose their
     * ids: {@code proven}, as settling the request returned them, each with the name its body gave it); on the
     * emulator they are found by reading the new row back.
     */
    RowRef registerCreated(String alias, ClientSchema.Table table, RecordedExchange exchange, JsonNode body,
                           boolean nameThem, List<CreatedRow> proven) {
        if (proven.isEmpty()) {
            RowRef row = remember(alias, table, createdId(exchange, table));
            lastCreated = row;
            if (body != null && body.isObject()) {
                bodies.discoverInserted(row, body, nameThem);
            }
            return row;
        }
        RowRef top = null;
        for (CreatedRow created : proven) {
            ClientSchema.Table createdTable = table(created.row().table());
            String name = top == null ? alias : nameThem && created.name() != null ? aliasOf(created.name()) : null;
            RowRef row = own(name, createdTable, created.row().id());
            top = top == null ? row : top;
        }
        lastCreated = top;
        return top;
    }

    /** After a successful raw create: its row and the rows its body made inside become the session's own. */
    RowRef registerRawCreate(ClientSchema.Table table, RecordedExchange exchange, String body, List<CreatedRow> proven) {
        JsonNode json;
        try {
            json = body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null; // a body the target accepted but that is not JSON cannot have nested rows
        }
        return registerCreated(null, table, exchange, json, false, proven);
    }

    /**
     * The table a POST to {@code path} creates a row of, when the path is an entity set (keyless, query allowed):
     * {@code accounts}, {@code /api/data/v9.0/accounts?$select=name}.
     */
    Optional<ClientSchema.Table> tableCreatedByPost(String path) {
        Matcher first = firstSegment(path);
        if (!first.matches() || first.group(2) != null && !first.group(2).startsWith("?")) {
            return Optional.empty();
        }
        return schema.table(first.group(1));
    }

    /** The table whose entity set a path starts with, keyed or not, for hints. */
    Optional<ClientSchema.Table> tableNamedBy(String path) {
        Matcher first = firstSegment(path);
        return first.matches() ? schema.table(first.group(1)) : Optional.empty();
    }

    private static Matcher firstSegment(String path) {
        return FIRST_SEGMENT.matcher(path.replaceFirst("^https?://[^/]+", "").replaceFirst("^/api/", "api/"));
    }

    /** A row the session learned it made on the emulator (inside a deep insert): its own, and named when aliased. */
    RowRef remember(String alias, ClientSchema.Table table, UUID id) {
        conversation.safety().created(new RowId(table.logicalName(), table.entitySet(), id));
        return own(alias, table, id);
    }

    private RowRef own(String alias, ClientSchema.Table table, UUID id) {
        RowRef row = new RowRef(alias, table.logicalName(), table.entitySet(), id);
        if (alias != null) {
            aliases.put(row);
        } else {
            aliases.putUnnamed(row);
        }
        return row;
    }

    /** The alias behind a stored name: the name without the run tag. */
    String aliasOf(String storedName) {
        return storedName.startsWith(rowNamePrefix) ? storedName.substring(rowNamePrefix.length()) : storedName;
    }

    /** The name a row is stored under: its alias, behind the run tag on a live org (for the sweep). */
    String storedName(String alias) {
        return rowNamePrefix + alias;
    }

    /** The id of a row a 2xx create answered with: from {@code OData-EntityId}, or from the body of a 201. */
    private UUID createdId(RecordedExchange exchange, ClientSchema.Table table) {
        String entityId = exchange.responseHeader("OData-EntityId");
        if (entityId != null) {
            Matcher m = ENTITY_ID.matcher(entityId);
            if (m.find()) {
                return UUID.fromString(m.group(2));
            }
        }
        try {
            JsonNode body = JSON.readTree(exchange.responseBody());
            return UUID.fromString(body.path(table.primaryKey()).asText());
        } catch (IOException | IllegalArgumentException e) {
            throw conversation.failures().of("create", "OData-EntityId or the new row's " + table.primaryKey(), "neither",
                    "read the id of the created " + table.logicalName(), exchange, table.logicalName());
        }
    }
}

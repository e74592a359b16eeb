package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reads the guard and cleanup make before they decide: whether a row exists, which row an alternate key names,
 * where a lookup points now, which rows hang below a row. Any answer other than the expected ones is an
 * {@link Unanswered}, and the guard refuses rather than guess.
 */
final class Reads {

    /** A read that did not give a usable answer. */
    static final class Unanswered extends Exception {
        private static final long serialVersionUID = 1L;

        Unanswered(String what, RecordedExchange exchange) {
            super("could not " + what + " (" + exchange.method() + " " + exchange.target() + " answered "
                    + exchange.statusLine() + ")", null, false, false);
        }
    }

    /** Where a lookup points: through which navigation property, to which row. */
    record LookupValue(String navigation, RowId target) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientSchema schema;
    private final HttpChannel channel;
    /** Per table: the Delete cascade of each one-to-many relationship, by its navigation property on the parent. */
    private final Map<String, Map<String, String>> deleteActions = new java.util.concurrent.ConcurrentHashMap<>();

    Reads(ClientSchema schema, HttpChannel channel) {
        this.schema = schema;
        this.channel = channel;
    }

    ClientSchema schema() {
        return schema;
    }

    /** The row, or empty when the target answers 404. */
    Optional<JsonNode> row(String path, String what) throws Unanswered {
        RecordedExchange exchange = channel.fetch("GET", path, Map.of(), null);
        if (exchange.status() == 404) {
            return Optional.empty();
        }
        if (exchange.status() != 200) {
            throw new Unanswered(what, exchange);
        }
        try {
            return Optional.of(JSON.readTree(exchange.responseBody()));
        } catch (IOException e) {
            throw new Unanswered(what + ": the body is not JSON", exchange);
        }
    }

    boolean exists(RowId row) throws Unanswered {
        ClientSchema.Table table = table(row);
        return row(row.path() + "?$select=" + table.primaryKey(), "check whether " + row + " exists").isPresent();
    }

    /**
     * The row an alternate key names: its id, {@code null} when no row has that key (404), or throws when the key is
     * not one the table declares (400: the server would refuse the request too, so it names no row).
     */
    AlternateKey alternateKey(ClientSchema.Table table, String key) throws Unanswered {
        RecordedExchange exchange = channel.fetch("GET", table.entitySet() + "(" + onTheWire(key) + ")?$select="
                + table.primaryKey(), Map.of(), null);
        return switch (exchange.status()) {
            case 200 -> {
                try {
                    String id = JSON.readTree(exchange.responseBody()).path(table.primaryKey()).asText();
                    yield new AlternateKey(new RowId(table.logicalName(), table.entitySet(), UUID.fromString(id)), true);
                } catch (IOException | IllegalArgumentException e) {
                    throw new Unanswered("read the row with the key " + key, exchange);
                }
            }
            case 404 -> new AlternateKey(null, true);
            case 400 -> new AlternateKey(null, false);
            default -> throw new Unanswered("read the row with the key " + key, exchange);
        };
    }

    /**
     * A decoded key as a URL must carry it to name the same row: the characters a URL reads as its structure
     * ({@code %}, {@code ?}, {@code #}, {@code /}) percent-encoded again. Sent decoded, {@code name='a?b'} would read
     * the row {@code name='a} and let the request through to the row {@code name='a?b'}.
     */
    private static String onTheWire(String key) {
        return key.replace("%", "%25").replace("?", "%3F").replace("#", "%23").replace("/", "%2F");
    }

    /** What an alternate key named: a row, no row with that key ({@code valid}), or no valid key at all. */
    record AlternateKey(RowId row, boolean valid) {
    }

    /** Where {@code lookupProperty} of {@code row} points now; null when nowhere. */
    LookupValue lookup(RowId row, String lookupProperty) throws Unanswered {
        ClientSchema.Table table = table(row);
        List<ClientSchema.Navigation> navs = table.navigationsOfLookup(lookupProperty);
        String expand = navs.stream().map(n -> n.name() + "($select=" + schema.table(n.targetTable()).orElseThrow()
                .primaryKey() + ")").collect(Collectors.joining(","));
        JsonNode json = row(row.path() + "?$select=" + table.primaryKey() + "&$expand=" + expand,
                "read " + lookupProperty + " of " + row).orElse(null);
        if (json == null) {
            return null;
        }
        for (ClientSchema.Navigation nav : navs) {
            JsonNode related = json.path(nav.name());
            if (related.isObject()) {
                ClientSchema.Table target = schema.table(nav.targetTable()).orElseThrow();
                return new LookupValue(nav.name(), new RowId(target.logicalName(), target.entitySet(),
                        UUID.fromString(related.path(target.primaryKey()).asText())));
            }
        }
        return null;
    }

    /**
     * What deleting a {@code table} row does along its collection-valued navigation property {@code navigation}, as the
     * org's own relationship definitions say ({@code CascadeConfiguration/Delete}: {@code Cascade}, {@code RemoveLink},
     * {@code Restrict}; D24): a {@code $metadata} document does not carry it. Empty when the org does not answer, so
     * the caller assumes the worst. Read once per table.
     */
    Optional<String> deleteAction(String table, String navigation) {
        return Optional.ofNullable(deleteActions.computeIfAbsent(table, this::readDeleteActions).get(navigation));
    }

    private Map<String, String> readDeleteActions(String table) {
        RecordedExchange exchange = channel.fetch("GET", "EntityDefinitions(LogicalName='" + table + "')/OneToManyRelationships"
                + "?$select=SchemaName,ReferencedEntityNavigationPropertyName,CascadeConfiguration", Map.of(), null);
        if (exchange.status() != 200) {
            return Map.of();
        }
        try {
            Map<String, String> actions = new java.util.HashMap<>();
            for (JsonNode relationship : JSON.readTree(exchange.responseBody()).path("value")) {
                String delete = relationship.path("CascadeConfiguration").path("Delete").asText(null);
                String navigation = relationship.path("ReferencedEntityNavigationPropertyName").asText(null);
                if (delete != null && navigation != null) {
                    actions.put(navigation, delete);
                }
            }
            return Map.copyOf(actions);
        } catch (IOException e) {
            return Map.of();
        }
    }

    ClientSchema.Table table(RowId row) {
        return schema.table(row.table()).orElseThrow(() -> new IllegalStateException("no table " + row.table()));
    }
}

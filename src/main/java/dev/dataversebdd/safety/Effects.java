package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The effects of one request, gathered while {@link EffectReader} reads it: the rows its bodies create (each given an
 * id chosen here unless the author wrote one, so that ownership is proven by construction), the links and lookups it
 * changes, and every row it names. References are read by the one resolver, {@link AddressParser}.
 */
final class Effects {

    static final String BIND = "@odata.bind";
    private static final String ACTIVITY_PARTY = "activityparty";

    /** A reference's row, or none when it names no row the target could find. */
    record Reference(RowId row) {
    }

    private final AddressParser parser;
    private final Reads reads;
    private final ClientSchema schema;
    private final List<Effect> effects = new ArrayList<>();
    private final Map<UUID, ObjectNode> createdBodies = new LinkedHashMap<>();
    private boolean rewritten;

    Effects(AddressParser parser, Reads reads) {
        this.parser = parser;
        this.reads = reads;
        this.schema = reads.schema();
    }

    void add(Effect effect) {
        effects.add(effect);
    }

    List<Effect> all() {
        return effects;
    }

    /** The JSON object that creates each new row, by the row's id. */
    Map<UUID, ObjectNode> createdBodies() {
        return createdBodies;
    }

    void createdBy(UUID id, ObjectNode body) {
        createdBodies.put(id, body);
    }

    /** True when an id was written into a body: the request goes out with the body as rewritten. */
    boolean rewritten() {
        return rewritten;
    }

    /** A new row from a JSON object: its id (chosen here unless written), its binds and the rows nested in it. */
    RowId create(ClientSchema.Table rowTable, ObjectNode object) throws AddressParser.Unreadable, Reads.Unanswered {
        RowId row = null;
        if (!rowTable.logicalName().equals(ACTIVITY_PARTY)) { // parties live and die with their activity
            JsonNode written = object.get(rowTable.primaryKey());
            if (written == null || written.isNull()) {
                UUID id = UUID.randomUUID();
                object.put(rowTable.primaryKey(), id.toString());
                rewritten = true;
                row = rowOf(rowTable, id);
                effects.add(new Effect.Creates(row, Effect.Proof.INJECTED_ID));
            } else {
                UUID id = guid(written.asText());
                if (id != null) {
                    row = rowOf(rowTable, id);
                    effects.add(new Effect.Creates(row, Effect.Proof.AUTHOR_ID));
                }
            }
            if (row != null) {
                createdBodies.put(row.id(), object);
            }
        }
        fields(rowTable, row, object);
        return row;
    }

    /** The binds and nested rows of a new row's body. */
    void fields(ClientSchema.Table rowTable, RowId row, ObjectNode object) throws AddressParser.Unreadable,
            Reads.Unanswered {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String navName = name.endsWith(BIND) ? name.substring(0, name.length() - BIND.length()) : name;
            Optional<ClientSchema.Navigation> nav = rowTable.navigationIgnoringCase(navName);
            if (nav.isEmpty()) {
                if (name.endsWith(BIND)) {
                    usesReferences(value, name);
                }
                continue;
            }
            if (value.isNull()) {
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(items::add);
            } else {
                items.add(value);
            }
            for (JsonNode item : items) {
                if (name.endsWith(BIND) || item.isTextual()) {
                    bindNew(row, nav.get(), reference(item.asText()), name);
                } else if (item.isObject() && item.size() == 1 && item.has("@odata.id")) {
                    bindNew(row, nav.get(), reference(item.path("@odata.id").asText()), name);
                } else if (item.isObject()) {
                    create(table(nav.get().targetTable()), (ObjectNode) item);
                }
            }
        }
    }

    /** A new row's body names {@code target} under {@code nav}: a link for a collection, a row it uses otherwise. */
    private void bindNew(RowId row, ClientSchema.Navigation nav, Reference target, String where) {
        if (nav.collection()) {
            linkNew(row, nav, target);
        } else {
            usesTarget(target, where);
        }
    }

    /** {@code row} (owned, being created) gains {@code target} in a collection: a foreign child's lookup changes. */
    private void linkNew(RowId row, ClientSchema.Navigation nav, Reference target) {
        if (row == null) {
            usesTarget(target, nav.name());
            return;
        }
        link(row, nav, target);
    }

    void link(RowId parent, ClientSchema.Navigation nav, Reference child) {
        if (child.row() == null) {
            return; // names no row: the target refuses it
        }
        Optional<ClientSchema.Navigation> childSide = schema.childSide(nav);
        if (childSide.isPresent()) {
            effects.add(new Effect.SetsLookup(child.row(), childSide.get().name(), parent, false));
        } else {
            effects.add(new Effect.Pairs(parent, child.row(), nav.name()));
        }
    }

    void unlink(RowId parent, ClientSchema.Navigation nav, Reference child) {
        if (child.row() == null) {
            return;
        }
        Optional<ClientSchema.Navigation> childSide = schema.childSide(nav);
        if (childSide.isPresent()) {
            effects.add(new Effect.SetsLookup(child.row(), childSide.get().name(), null, true));
            effects.add(new Effect.Uses(parent, "the parent the row is removed from"));
        } else {
            effects.add(new Effect.Pairs(parent, child.row(), nav.name()));
        }
    }

    void setLookup(RowId row, ClientSchema.Navigation nav, Reference target) {
        effects.add(new Effect.SetsLookup(row, nav.name(), target.row(), false));
    }

    /** A body reference as a row: null row when it names none (unknown set, a key no row has or that is no key). */
    Reference reference(String written) throws AddressParser.Unreadable, Reads.Unanswered {
        return row(parser.reference(written));
    }

    /** The row a key after a navigation property names, e.g. in {@code DELETE …/nav(<key>)/$ref}. */
    Reference nested(ClientSchema.Navigation nav, String key) throws AddressParser.Unreadable, Reads.Unanswered {
        return row(parser.nested(nav, key));
    }

    private Reference row(Address address) throws Reads.Unanswered {
        if (!(address instanceof Address.Row row)) {
            return new Reference(null);
        }
        if (row.key() instanceof Address.Key.Id id) {
            return new Reference(rowOf(row.table(), id.id()));
        }
        if (row.key() instanceof Address.Key.Alternate alternate) {
            return new Reference(reads.alternateKey(row.table(), alternate.written()).row());
        }
        return new Reference(null);
    }

    /** Every reference anywhere in {@code node} must be a row the run may use. */
    void usesReferences(JsonNode node, String where) throws AddressParser.Unreadable, Reads.Unanswered {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                boolean reference = field.getKey().endsWith(BIND) || field.getKey().equals("@odata.id");
                if (reference && field.getValue().isTextual()) {
                    usesTarget(reference(field.getValue().asText()), field.getKey());
                } else if (reference && field.getValue().isArray()) {
                    for (JsonNode item : field.getValue()) {
                        usesTarget(reference(item.asText()), field.getKey());
                    }
                } else {
                    usesReferences(field.getValue(), where);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                usesReferences(item, where);
            }
        }
    }

    void usesTarget(Reference target, String where) {
        if (target.row() != null) {
            effects.add(new Effect.Uses(target.row(), where));
        }
    }

    ClientSchema.Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " in the schema"));
    }

    static RowId rowOf(ClientSchema.Table table, UUID id) {
        return new RowId(table.logicalName(), table.entitySet(), id);
    }

    private static UUID guid(String text) {
        try {
            return UUID.fromString(text.replaceAll("[{}]", "").trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

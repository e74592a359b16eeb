package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one write into the {@link Effect}s it would have on the target's rows. Reads the request the way the most
 * lenient server would ({@link AddressParser}), looks up alternate keys and checks whether an upsert's row exists
 * ({@link Reads}), and gives every row a create would make an id chosen here (unless the author wrote one), so that
 * ownership is proven by construction and the ledger knows the id before the request leaves.
 */
final class EffectReader {

    /** The request as it will be sent, and what it would do. */
    record Reading(String body, Map<String, String> headers, List<Effect> effects, Map<UUID, ObjectNode> createdBodies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|@odata|\\$ref", Pattern.CASE_INSENSITIVE);
    private static final String BIND = "@odata.bind";
    private static final String ACTIVITY_PARTY = "activityparty";

    private final AddressParser parser;
    private final Reads reads;
    private final Ownership ownership;
    private final ClientSchema schema;

    EffectReader(AddressParser parser, Reads reads, Ownership ownership) {
        this.parser = parser;
        this.reads = reads;
        this.ownership = ownership;
        this.schema = reads.schema();
    }

    Reading read(String method, String written, Map<String, String> headers, String body)
            throws AddressParser.Unreadable, Reads.Unanswered {
        Address address = parser.url(written);
        if (address == null || !address.namesEntitySet()) {
            throw new AddressParser.Unreadable("the guard reads only requests to an entity set of the target's "
                    + "$metadata, so it cannot tell which rows this one changes");
        }
        JsonNode json = parseBody(body);
        Request request = new Request(method.toUpperCase(Locale.ROOT), address, new LinkedHashMap<>(headers), json);
        request.read();
        String sent = json != null && request.rewritten ? json.toString() : body;
        return new Reading(sent, request.headers, request.effects, request.createdBodies);
    }

    private static JsonNode parseBody(String body) throws AddressParser.Unreadable {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            if (ROW_LIKE.matcher(body).find()) {
                throw new AddressParser.Unreadable("its body is not JSON but seems to name rows");
            }
            return null; // not JSON and names nothing: the target refuses it as it is
        }
    }

    /** The reading of one request. */
    private final class Request {
        private final String method;
        private final Address address;
        private final Map<String, String> headers;
        private final JsonNode body;
        private final ClientSchema.Table table;
        private final List<Effect> effects = new ArrayList<>();
        private final Map<UUID, ObjectNode> createdBodies = new LinkedHashMap<>();
        private boolean rewritten;

        Request(String method, Address address, Map<String, String> headers, JsonNode body) {
            this.method = method;
            this.address = address;
            this.headers = headers;
            this.body = body;
            this.table = address.table();
        }

        void read() throws AddressParser.Unreadable, Reads.Unanswered {
            if (address.isCollection()) {
                if (method.equals("POST") && body != null && body.isObject()) {
                    create(table, (ObjectNode) body);
                } else {
                    usesEverything();
                }
                return;
            }
            RowId row = keyedRow();
            if (row == null) {
                usesEverything(); // a key that names no row: the target refuses the request
                return;
            }
            if (address.following().isEmpty()) {
                switch (method) {
                    case "DELETE" -> effects.add(new Effect.Deletes(row));
                    case "PATCH" -> patch(row);
                    default -> changesAndUses(row, method + " on the row");
                }
                return;
            }
            following(row);
        }

        /** The row the URL's key names; null when the key names none (malformed, or an alternate key without a row). */
        private RowId keyedRow() throws Reads.Unanswered, AddressParser.Unreadable {
            if (address.id() != null) {
                return rowOf(table, address.id());
            }
            if (!address.hasAlternateKey()) {
                return null;
            }
            Reads.AlternateKey key = reads.alternateKey(table, address.key());
            if (key.row() == null && key.valid() && method.equals("PATCH") && !hasHeader("If-Match")) {
                throw new AddressParser.Unreadable("an upsert by alternate key would create a row whose id the run "
                        + "cannot know before it is sent; create it with POST, or upsert by primary key");
            }
            return key.row();
        }

        private void following(RowId row) throws AddressParser.Unreadable, Reads.Unanswered {
            String segment = address.following().get(0);
            int paren = segment.indexOf('(');
            String name = paren < 0 ? segment : segment.substring(0, paren);
            String key = paren < 0 ? null : segment.substring(paren + 1, segment.length() - 1);
            Optional<ClientSchema.Navigation> found = table.navigationIgnoringCase(name);
            boolean ref = address.following().size() == 2 && address.following().get(1).equalsIgnoreCase("$ref");
            if (found.isEmpty() || address.following().size() > 2 || (address.following().size() == 2 && !ref)) {
                changesAndUses(row, method + " on /" + String.join("/", address.following()));
                return;
            }
            ClientSchema.Navigation nav = found.get();
            if (!nav.collection()) {
                if (ref && key == null && method.equals("PUT")) {
                    setLookup(row, nav, odataId());
                } else if (ref && key == null && method.equals("DELETE")) {
                    effects.add(new Effect.SetsLookup(row, nav.name(), null, true));
                } else {
                    changesAndUses(row, method + " on " + segment);
                }
                return;
            }
            if (ref && method.equals("POST") && key == null) {
                link(row, nav, odataId());
            } else if (ref && method.equals("DELETE") && (key != null || address.idQuery() != null)) {
                Target child = key != null ? keyOf(nav, key) : reference(address.idQuery());
                unlink(row, nav, child);
            } else if (!ref && key == null && method.equals("POST") && body != null && body.isObject()) {
                RowId child = create(table(nav.targetTable()), (ObjectNode) body);
                if (child != null) {
                    link(row, nav, new Target(child));
                } else {
                    effects.add(new Effect.Uses(row, "the parent of a new row"));
                }
            } else {
                changesAndUses(row, method + " on " + segment + (ref ? "/$ref" : ""));
            }
        }

        /** PATCH {set}(id): an upsert when the row does not exist, else binds, unbinds and columns. */
        private void patch(RowId row) throws AddressParser.Unreadable, Reads.Unanswered {
            boolean known = ownership.owns(row.id()) || ownership.isExisting(row.id());
            if (!known && !ownership.isKnownAbsent(row.id()) && !reads.exists(row)) {
                ownership.nameNothing(row.id());
            }
            if (!known && ownership.isKnownAbsent(row.id())) {
                if (hasHeader("If-Match")) {
                    usesEverything(); // If-Match forbids the upsert: the target answers 404
                    return;
                }
                if (!hasHeader("If-None-Match")) {
                    headers.put("If-None-Match", "*"); // only a create can succeed, never an update of a newcomer
                }
                effects.add(new Effect.Creates(row, Effect.Proof.ABSENT_BEFORE_UPSERT));
                if (body != null && body.isObject()) {
                    createdBodies.put(row.id(), (ObjectNode) body);
                    fields(table(row.table()), row, (ObjectNode) body);
                }
                return;
            }
            if (body == null || !body.isObject()) {
                changesAndUses(row, "a PATCH whose body is not a JSON object");
                return;
            }
            boolean columns = false;
            ClientSchema.Table rowTable = table(row.table());
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                String navName = name.endsWith(BIND) ? name.substring(0, name.length() - BIND.length()) : name;
                Optional<ClientSchema.Navigation> nav = rowTable.navigationIgnoringCase(navName);
                if (nav.isPresent() && (name.endsWith(BIND) || value.isNull())) {
                    if (value.isNull()) {
                        if (nav.get().collection()) {
                            effects.add(new Effect.Changes(row, "clears " + navName));
                        } else {
                            effects.add(new Effect.SetsLookup(row, nav.get().name(), null, true));
                        }
                    } else if (nav.get().collection()) {
                        for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                            link(row, nav.get(), reference(item.asText()));
                        }
                    } else {
                        setLookup(row, nav.get(), reference(value.asText()));
                    }
                } else if (nav.isPresent()) {
                    // deep update: the nested rows get ids chosen here like any create, and the row itself changes
                    effects.add(new Effect.Changes(row, "rows created inside " + navName));
                    for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                        if (item.isObject()) {
                            create(table(nav.get().targetTable()), (ObjectNode) item);
                        }
                    }
                } else if (name.endsWith(BIND)) {
                    usesReferences(value, name);
                } else if (!name.startsWith("@")) {
                    columns = true;
                }
            }
            if (columns) {
                effects.add(new Effect.Changes(row, "column values"));
            }
        }

        /** A new row from a JSON object: its id (chosen here unless written), its binds and the rows nested in it. */
        private RowId create(ClientSchema.Table rowTable, ObjectNode object) throws AddressParser.Unreadable,
                Reads.Unanswered {
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
        private void fields(ClientSchema.Table rowTable, RowId row, ObjectNode object) throws AddressParser.Unreadable,
                Reads.Unanswered {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
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
                        Target target = reference(item.asText());
                        if (nav.get().collection()) {
                            linkNew(row, nav.get(), target);
                        } else {
                            usesTarget(target, name);
                        }
                    } else if (item.isObject() && item.size() == 1 && item.has("@odata.id")) {
                        Target target = reference(item.path("@odata.id").asText());
                        if (nav.get().collection()) {
                            linkNew(row, nav.get(), target);
                        } else {
                            usesTarget(target, name);
                        }
                    } else if (item.isObject()) {
                        create(table(nav.get().targetTable()), (ObjectNode) item);
                    }
                }
            }
        }

        /** {@code row} (owned, being created) gains {@code target} in a collection: a foreign child's lookup changes. */
        private void linkNew(RowId row, ClientSchema.Navigation nav, Target target) {
            if (row == null) {
                usesTarget(target, nav.name());
                return;
            }
            link(row, nav, target);
        }

        private void link(RowId parent, ClientSchema.Navigation nav, Target child) {
            if (child.row == null) {
                return; // names no row: the target refuses it
            }
            Optional<ClientSchema.Navigation> childSide = schema.childSide(nav);
            if (childSide.isPresent()) {
                effects.add(new Effect.SetsLookup(child.row, childSide.get().name(), parent, false));
            } else {
                effects.add(new Effect.Pairs(parent, child.row, nav.name()));
            }
        }

        private void unlink(RowId parent, ClientSchema.Navigation nav, Target child) {
            if (child.row == null) {
                return;
            }
            Optional<ClientSchema.Navigation> childSide = schema.childSide(nav);
            if (childSide.isPresent()) {
                effects.add(new Effect.SetsLookup(child.row, childSide.get().name(), null, true));
                effects.add(new Effect.Uses(parent, "the parent the row is removed from"));
            } else {
                effects.add(new Effect.Pairs(parent, child.row, nav.name()));
            }
        }

        private void setLookup(RowId row, ClientSchema.Navigation nav, Target target) {
            effects.add(new Effect.SetsLookup(row, nav.name(), target.row, false));
        }

        private Target odataId() throws AddressParser.Unreadable, Reads.Unanswered {
            if (body == null || !body.isObject() || !body.path("@odata.id").isTextual()) {
                usesEverything();
                return new Target(null);
            }
            return reference(body.path("@odata.id").asText());
        }

        private Target keyOf(ClientSchema.Navigation nav, String key) throws AddressParser.Unreadable, Reads.Unanswered {
            return reference(table(nav.targetTable()).entitySet() + "(" + key + ")");
        }

        /** A body reference as a row: null row when it names none (unknown set, a key no row has or that is no key). */
        private Target reference(String written) throws AddressParser.Unreadable, Reads.Unanswered {
            Address reference = parser.reference(written);
            if (!reference.namesEntitySet() || reference.key() == null) {
                return new Target(null);
            }
            if (reference.id() != null) {
                return new Target(rowOf(reference.table(), reference.id()));
            }
            if (reference.hasAlternateKey()) {
                return new Target(reads.alternateKey(reference.table(), reference.key()).row());
            }
            return new Target(null);
        }

        private void changesAndUses(RowId row, String what) throws AddressParser.Unreadable, Reads.Unanswered {
            effects.add(new Effect.Changes(row, what));
            usesEverything();
        }

        /** Every reference anywhere in the body must be a row the run may use. */
        private void usesEverything() throws AddressParser.Unreadable, Reads.Unanswered {
            if (body != null) {
                usesReferences(body, "the body");
            }
            if (address.idQuery() != null) {
                usesTarget(reference(address.idQuery()), "$id");
            }
        }

        private void usesReferences(JsonNode node, String where) throws AddressParser.Unreadable, Reads.Unanswered {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
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

        private void usesTarget(Target target, String where) {
            if (target.row != null) {
                effects.add(new Effect.Uses(target.row, where));
            }
        }

        private boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
        }
    }

    /** A reference's row, or none when it names no row the target could find. */
    private record Target(RowId row) {
    }

    private ClientSchema.Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name + " in the schema"));
    }

    private static RowId rowOf(ClientSchema.Table table, UUID id) {
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

package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one write into the {@link Effect}s it would have on the target's rows. The URL is read once, by
 * {@link AddressParser}, into a typed {@link Address} that this class switches over (an entity set, a row, a
 * navigation property of a row); it looks up alternate keys and checks whether an upsert's row exists
 * ({@link Reads}), and the bodies' new rows get ids chosen beforehand ({@link Effects}), so that ownership is proven
 * by construction and the ledger knows the id before the request leaves.
 */
final class EffectReader {

    /**
     * The request as it will be sent, and what it would do.
     *
     * @param chosenRow the row the request's own body creates with an id chosen here (not one nested in it, nor an
     *                  id the author wrote), or null: the row a batch Content-ID reference to the request names
     */
    record Reading(String body, Map<String, String> headers, List<Effect> effects, Map<UUID, ObjectNode> createdBodies,
                   RowId chosenRow) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|@odata|\\$ref", Pattern.CASE_INSENSITIVE);
    private static final String BIND = Effects.BIND;

    private final AddressParser parser;
    private final Reads reads;
    private final Ownership ownership;

    EffectReader(AddressParser parser, Reads reads, Ownership ownership) {
        this.parser = parser;
        this.reads = reads;
        this.ownership = ownership;
    }

    Reading read(String method, String written, Map<String, String> headers, String body)
            throws AddressParser.Unreadable, Reads.Unanswered {
        Address address = parser.url(written);
        if (address == null || address instanceof Address.Unknown) {
            throw new AddressParser.Unreadable("the guard reads only requests to an entity set of the target's "
                    + "$metadata, so it cannot tell which rows this one changes");
        }
        JsonNode json = parseBody(body);
        Request request = new Request(method.toUpperCase(Locale.ROOT), address, new LinkedHashMap<>(headers), json);
        request.read();
        Impersonation.of(headers, reads).forEach(request.effects::add);
        String sent = json != null && request.effects.rewritten() ? json.toString() : body;
        return new Reading(sent, request.headers, request.effects.all(), request.effects.createdBodies(),
                chosenRow(request.effects, json));
    }

    /** The row whose id the guard chose and whose body is the request's whole body (compared by identity). */
    private static RowId chosenRow(Effects effects, JsonNode json) {
        return effects.all().stream().filter(Effect.Creates.class::isInstance).map(Effect.Creates.class::cast)
                .filter(create -> create.proof() == Effect.Proof.INJECTED_ID
                        && effects.createdBodies().get(create.row().id()) == json)
                .map(Effect.Creates::row).findFirst().orElse(null);
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
        private final Effects effects = new Effects(parser, reads);

        Request(String method, Address address, Map<String, String> headers, JsonNode body) {
            this.method = method;
            this.address = address;
            this.headers = headers;
            this.body = body;
        }

        void read() throws AddressParser.Unreadable, Reads.Unanswered {
            if (address instanceof Address.Operation operation) {
                SharingAction.read(operation.name(), body, effects, reads.schema());
                return;
            }
            if (address instanceof Address.EntitySet set) {
                if (set.following() != null) { // an action bound to the set, or a segment it does not have
                    throw new AddressParser.Unreadable("the guard reads a write to an entity set only when nothing "
                            + "follows the set, so it cannot tell which rows '" + set.table().entitySet() + "/"
                            + set.following() + "' changes");
                }
                if (method.equals("POST") && body != null && body.isObject()) {
                    effects.create(set.table(), (ObjectNode) body);
                } else {
                    usesEverything();
                }
                return;
            }
            Address.Row target = (Address.Row) address;
            RowId row = keyedRow(target);
            if (row == null) {
                usesEverything(); // a key that names no row: the target refuses the request
                return;
            }
            if (target.following() instanceof Address.Following.Navigation navigation) {
                navigation(row, navigation);
            } else if (target.following() instanceof Address.Following.Other other) {
                changesAndUses(row, method + " on /" + other.path());
            } else {
                switch (method) {
                    case "DELETE" -> effects.add(new Effect.Deletes(row));
                    case "PATCH" -> patch(row, target.table());
                    default -> changesAndUses(row, method + " on the row");
                }
            }
        }

        /** The row the URL's key names; null when the key names none (malformed, or an alternate key without a row). */
        private RowId keyedRow(Address.Row target) throws Reads.Unanswered, AddressParser.Unreadable {
            if (target.key() instanceof Address.Key.Id id) {
                return Effects.rowOf(target.table(), id.id());
            }
            if (!(target.key() instanceof Address.Key.Alternate alternate)) {
                return null;
            }
            Reads.AlternateKey key = reads.alternateKey(target.table(), alternate.written());
            if (key.row() == null && key.valid() && method.equals("PATCH") && !hasHeader("If-Match")) {
                throw new AddressParser.Unreadable("an upsert by alternate key would create a row whose id the run "
                        + "cannot know before it is sent; create it with POST, or upsert by primary key");
            }
            return key.row();
        }

        /** {@code {row}/{nav}[(key)][/$ref]}: a link, an unlink, a lookup set or cleared, or a new related row. */
        private void navigation(RowId row, Address.Following.Navigation following) throws AddressParser.Unreadable,
                Reads.Unanswered {
            ClientSchema.Navigation nav = following.nav();
            String key = following.key();
            boolean ref = following.ref();
            if (!nav.collection()) {
                if (ref && key == null && method.equals("PUT")) {
                    effects.setLookup(row, nav, odataId());
                } else if (ref && key == null && method.equals("DELETE")) {
                    effects.add(new Effect.SetsLookup(row, nav.name(), null, true));
                } else {
                    changesAndUses(row, method + " on " + following.segment());
                }
                return;
            }
            if (ref && method.equals("POST") && key == null) {
                effects.link(row, nav, odataId());
            } else if (ref && method.equals("DELETE") && (key != null || address.idQuery() != null)) {
                Effects.Reference child = key != null ? effects.nested(nav, key) : effects.reference(address.idQuery());
                effects.unlink(row, nav, child);
            } else if (!ref && key == null && method.equals("POST") && body != null && body.isObject()) {
                RowId child = effects.create(effects.table(nav.targetTable()), (ObjectNode) body);
                if (child != null) {
                    effects.link(row, nav, new Effects.Reference(child));
                } else {
                    effects.add(new Effect.Uses(row, "the parent of a new row"));
                }
            } else {
                changesAndUses(row, method + " on " + following.segment() + (ref ? "/$ref" : ""));
            }
        }

        /** PATCH {set}(id): an upsert when the row does not exist, else binds, unbinds and columns. */
        private void patch(RowId row, ClientSchema.Table rowTable) throws AddressParser.Unreadable, Reads.Unanswered {
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
                    effects.createdBy(row.id(), (ObjectNode) body);
                    effects.fields(rowTable, row, (ObjectNode) body);
                }
                return;
            }
            if (body == null || !body.isObject()) {
                changesAndUses(row, "a PATCH whose body is not a JSON object");
                return;
            }
            boolean columns = false;
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                columns |= patchField(row, rowTable, field.getKey(), field.getValue());
            }
            if (columns) {
                effects.add(new Effect.Changes(row, "column values"));
            }
        }

        /** One field of a PATCH body: a bind, an unbind, a deep update or a column (returns true for a column). */
        private boolean patchField(RowId row, ClientSchema.Table rowTable, String name, JsonNode value)
                throws AddressParser.Unreadable, Reads.Unanswered {
            String navName = name.endsWith(BIND) ? name.substring(0, name.length() - BIND.length()) : name;
            Optional<ClientSchema.Navigation> nav = rowTable.navigationIgnoringCase(navName);
            if (nav.isPresent() && (name.endsWith(BIND) || value.isNull())) {
                if (value.isNull()) {
                    effects.add(nav.get().collection() ? new Effect.Changes(row, "clears " + navName)
                            : new Effect.SetsLookup(row, nav.get().name(), null, true));
                } else if (nav.get().collection()) {
                    for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                        effects.link(row, nav.get(), effects.reference(item.asText()));
                    }
                } else {
                    effects.setLookup(row, nav.get(), effects.reference(value.asText()));
                }
            } else if (nav.isPresent()) {
                // deep update: the nested rows get ids chosen here like any create, and the row itself changes
                effects.add(new Effect.Changes(row, "rows created inside " + navName));
                for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                    if (item.isObject()) {
                        effects.create(effects.table(nav.get().targetTable()), (ObjectNode) item);
                    }
                }
            } else if (name.endsWith(BIND)) {
                effects.usesReferences(value, name);
            } else {
                return !name.startsWith("@");
            }
            return false;
        }

        private Effects.Reference odataId() throws AddressParser.Unreadable, Reads.Unanswered {
            if (body == null || !body.isObject() || !body.path("@odata.id").isTextual()) {
                usesEverything();
                return new Effects.Reference(null);
            }
            return effects.reference(body.path("@odata.id").asText());
        }

        private void changesAndUses(RowId row, String what) throws AddressParser.Unreadable, Reads.Unanswered {
            effects.add(new Effect.Changes(row, what));
            usesEverything();
        }

        /** Every reference anywhere in the body, and the {@code $id} option, must be a row the run may use. */
        private void usesEverything() throws AddressParser.Unreadable, Reads.Unanswered {
            if (body != null) {
                effects.usesReferences(body, "the body");
            }
            if (address.idQuery() != null) {
                effects.usesTarget(effects.reference(address.idQuery()), "$id");
            }
        }

        private boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
        }
    }
}

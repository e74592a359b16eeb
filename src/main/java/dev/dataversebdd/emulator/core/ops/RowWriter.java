package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.security.Dependents;
import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.security.Ownership;
import dev.dataversebdd.emulator.core.security.Right;
import dev.dataversebdd.emulator.core.security.RoleCopies;

import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Creates (with {@code @odata.bind} and deep insert as deep as a body may nest: {@link Json} parses at most 64
 * levels, so the recursion over a body is bounded), updates (PATCH binds and unbinds) and deletes
 * rows (with cascade and remove-link). Callers run each request inside one unit of work, so a failure anywhere
 * in a nested body leaves nothing behind.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RowWriter {

    static final String BIND = "@odata.bind";
    private static final String ACTIVITY_PARTY = "activityparty";

    private final RowLocator rows;
    private final Linker linker;
    private final Store store;
    private final UUID rootUnit;

    /** {@code rootUnit}: the business unit a user created without {@code businessunitid} joins (null: none). */
    public RowWriter(RowLocator rows, Linker linker, UUID rootUnit) {
        this.rows = rows;
        this.linker = linker;
        this.store = rows.store();
        this.rootUnit = rootUnit;
    }

    /** POST {set}: the new row, after every nested row and bind in {@code body} has been applied. */
    public Row create(EntityType type, ObjectNode body, RequestContext context) {
        if (type.logicalName().equals(ACTIVITY_PARTY)) {
            throw Errors.createNotSupported(ACTIVITY_PARTY);
        }
        return insert(type, body, null, context);
    }

    /** Inserts one row; {@code parentLink}, when set, is applied before the row's own binds (deep insert). */
    Row insert(EntityType type, ObjectNode body, Consumer<Row> parentLink, RequestContext context) {
        Guard guard = context.guard();
        guard.requirePrivilege(Right.CREATE, type.logicalName());
        UUID id = explicitId(type, body);
        if (store.find(type.logicalName(), id).isPresent()) {
            throw Errors.duplicateKey(412);
        }
        ObjectNode attributes = Json.object();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (!name.contains("@") && type.hasProperty(name) && !type.isLookupProperty(name)
                    && !name.equals(type.primaryKey())) {
                PropertyValues.requireValid(type, name, field.getValue());
                attributes.set(name, field.getValue());
            }
        }
        deriveComputed(type, attributes);
        Row row = store.insert(type.logicalName(), id, attributes);
        guard.created(row);
        Row owner = guard.effectiveUser();
        if (owner != null) {
            Ownership.assign(store, type, row, owner);
            Ownership.stamp(store, type, row, guard, true);
        }
        rows.requireUniqueAlternateKeys(type, row);
        if (parentLink != null) {
            parentLink.accept(row);
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            applyOnCreate(type, row, field.getKey(), field.getValue(), context);
        }
        Ownership.joinRootUnitIfNone(store, type, row, rootUnit);
        RoleCopies.afterCreate(store, row);
        guard.require(Right.CREATE, row); // the owner must be within the Create depth (S6: CreateAccess)
        return row;
    }

    private UUID explicitId(EntityType type, ObjectNode body) {
        JsonNode id = body.get(type.primaryKey());
        if (id == null || id.isNull()) {
            return UUID.randomUUID();
        }
        PropertyValues.requireValid(type, type.primaryKey(), id);
        return UUID.fromString(id.asText());
    }

    private void applyOnCreate(EntityType type, Row row, String name, JsonNode value, RequestContext context) {
        if (name.endsWith(BIND)) {
            NavigationProperty nav = bindTarget(type, name);
            if (value.isNull()) {
                applyBindNull(row, nav, context);
            } else if (nav.isCollection()) {
                if (!value.isArray()) {
                    throw Errors.badPayload("The value of '" + name + "' must be an array of entity references, not "
                            + Json.describe(value) + ".");
                }
                for (JsonNode reference : value) {
                    linker.associate(row, nav, resolveBind(name, reference, context), context);
                }
            } else {
                linker.bindSingle(row, nav, resolveBind(name, value, context), context);
            }
            return;
        }
        if (name.contains("@")) {
            return; // other instance/property annotations (@odata.type, …) carry no state
        }
        NavigationProperty nav = type.navigations().get(name);
        if (nav == null) {
            requireWritableProperty(type, name);
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (nav.isCollection()) {
            if (!value.isArray()) {
                throw Errors.badPayload("Deep insert into '" + name + "' needs an array of objects, not "
                        + Json.describe(value) + ".");
            }
            EntityType childType = rows.schema().type(nav.targetType());
            for (JsonNode child : value) {
                ObjectNode childBody = requireObject(name, child);
                validateParty(row, childType, childBody);
                insert(childType, childBody, created -> linker.associate(row, nav, created, context), context);
            }
        } else {
            ObjectNode childBody = requireObject(name, value);
            Row created = insert(rows.schema().type(nav.targetType()), childBody, null, context);
            linker.bindSingle(row, nav, created, context);
        }
    }

    /** PATCH {set}({key}): structural values, {@code nav@odata.bind}, {@code nav@odata.bind: null}, {@code nav: null}. */
    public void update(EntityType type, Row row, ObjectNode body, RequestContext context) {
        context.guard().require(Right.WRITE, row);
        Ownership.stamp(store, type, row, context.guard(), false);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.endsWith(BIND)) {
                NavigationProperty nav = bindTarget(type, name);
                if (nav.isCollection()) {
                    throw Errors.badPayload("'" + name + "' binds a collection-valued navigation property: on update only "
                            + "single-valued navigation properties can be bound. Use POST .../" + nav.name() + "/$ref.");
                }
                if (value.isNull()) {
                    applyBindNull(row, nav, context);
                } else {
                    linker.bindSingle(row, nav, resolveBind(name, value, context), context);
                }
            } else if (name.contains("@")) {
                continue;
            } else if (type.navigations().containsKey(name)) {
                NavigationProperty nav = type.navigations().get(name);
                if (nav.isCollection() || !value.isNull()) {
                    throw Errors.badPayload("Deep updates are not supported: '" + name + "' may only be set to null in "
                            + "PATCH (use '" + name + "@odata.bind' to link an existing row).");
                }
                linker.clearSingle(row, nav, context);
            } else {
                requireWritableProperty(type, name);
                if (name.equals(type.primaryKey())) {
                    if (!value.asText().equalsIgnoreCase(row.id().toString())) {
                        throw Errors.badPayload("The primary key '" + name + "' cannot be changed.");
                    }
                    continue;
                }
                PropertyValues.requireValid(type, name, value);
                store.setAttribute(row, name, value);
            }
        }
        ObjectNode attributes = row.attributes();
        if (deriveComputed(type, attributes)) {
            store.setAttribute(row, "fullname", attributes.get("fullname"));
        }
        rows.requireUniqueAlternateKeys(type, row);
    }

    /**
     * DELETE {set}({key}): the row and every row its Cascade relationships reach go; rows that only point at one of
     * them through a RemoveLink relationship lose that link. Iterative (a work list, not recursion), so that a chain
     * of any depth is deleted, or rolled back, as one unit.
     */
    public void delete(Row row) {
        RoleCopies.requireDeletable(row);
        Map<UUID, Row> doomed = new LinkedHashMap<>();
        Deque<Row> pending = new ArrayDeque<>(List.of(row));
        while (!pending.isEmpty()) {
            Row next = pending.pop();
            if (doomed.putIfAbsent(next.id(), next) != null) {
                continue;
            }
            for (NavigationProperty nav : oneToMany(next)) {
                if (nav.onDelete() == NavigationProperty.DeleteAction.CASCADE) {
                    pending.addAll(store.referencing(nav.targetType(), nav.lookupProperty(), next.ref()));
                }
            }
        }
        for (Row gone : List.copyOf(doomed.values())) {
            Dependents.of(store, gone).forEach(dependent -> doomed.putIfAbsent(dependent.id(), dependent));
        }
        for (Row gone : doomed.values()) {
            for (NavigationProperty nav : oneToMany(gone)) {
                if (nav.onDelete() != NavigationProperty.DeleteAction.CASCADE) {
                    for (Row child : store.referencing(nav.targetType(), nav.lookupProperty(), gone.ref())) {
                        if (!doomed.containsKey(child.id())) {
                            store.setLookup(child, nav.lookupProperty(), null);
                        }
                    }
                }
            }
        }
        List<Row> order = new ArrayList<>(doomed.values());
        Collections.reverse(order); // the deepest rows first
        for (Row gone : order) {
            EntityType type = rows.typeOf(gone);
            store.delete(gone, type.navigations().values().stream()
                    .filter(n -> n.kind() == NavigationProperty.Kind.MANY_TO_MANY).map(NavigationProperty::name).toList());
        }
    }

    private List<NavigationProperty> oneToMany(Row row) {
        return rows.typeOf(row).navigations().values().stream()
                .filter(n -> n.kind() == NavigationProperty.Kind.ONE_TO_MANY && n.lookupProperty() != null).toList();
    }

    private void applyBindNull(Row row, NavigationProperty nav, RequestContext context) {
        switch (context.profile().mode(Behaviour.BIND_NULL)) {
            case "rejected" -> throw Errors.bindNull();
            case "ignored" -> { }
            default -> {
                if (nav.isCollection()) {
                    throw Errors.badPayload("'" + nav.name() + "@odata.bind' cannot be null: it is collection-valued.");
                }
                linker.clearSingle(row, nav, context);
            }
        }
    }

    private NavigationProperty bindTarget(EntityType type, String annotated) {
        String name = annotated.substring(0, annotated.length() - BIND.length());
        NavigationProperty nav = type.navigations().get(name);
        if (nav == null) {
            throw Errors.undeclaredBindProperty(type.entitySetName(), name);
        }
        return nav;
    }

    private Row resolveBind(String name, JsonNode reference, RequestContext context) {
        if (!reference.isTextual()) {
            throw Errors.badPayload("The value of '" + name + "' must be an entity reference string such as "
                    + "\"/accounts(<id>)\", not " + Json.describe(reference) + ".");
        }
        return rows.resolve(reference.asText(), false, context.profile());
    }

    private static void requireWritableProperty(EntityType type, String name) {
        if (type.isLookupProperty(name)) {
            throw Errors.badPayload("The lookup property '" + name + "' of '" + type.qualifiedName() + "' is read-only: "
                    + "set it through its single-valued navigation property with @odata.bind.");
        }
        if (!type.hasProperty(name)) {
            throw Errors.invalidProperty(name, type.qualifiedName());
        }
    }

    private static ObjectNode requireObject(String name, JsonNode value) {
        if (!value.isObject()) {
            throw Errors.badPayload("Deep insert into '" + name + "' needs an object, not " + Json.describe(value) + ".");
        }
        return (ObjectNode) value;
    }

    /** Activity parties: the participation type must exist for the activity (an email has sender, to, cc, bcc). */
    void validateParty(Row activity, EntityType childType, ObjectNode party) {
        if (!childType.logicalName().equals(ACTIVITY_PARTY)) {
            return;
        }
        JsonNode mask = party.get("participationtypemask");
        int max = activity.logicalName().equals("email") ? 4 : 13;
        if (mask == null || !mask.isIntegralNumber() || mask.asInt() < 1 || mask.asInt() > max) {
            throw Errors.badPayload("Invalid participationtypemask " + (mask == null ? "(missing)" : mask)
                    + " for an activity party of '" + activity.logicalName() + "': expected 1 to " + max + ".");
        }
    }

    /** contact.fullname follows firstname and lastname, as Dataverse computes it. */
    private static boolean deriveComputed(EntityType type, ObjectNode attributes) {
        if (!type.logicalName().equals("contact") || !type.hasProperty("fullname")) {
            return false;
        }
        String first = attributes.path("firstname").asText("");
        String last = attributes.path("lastname").asText("");
        String full = (first + " " + last).trim();
        if (full.isEmpty() || full.equals(attributes.path("fullname").asText(null))) {
            return false;
        }
        attributes.set("fullname", TextNode.valueOf(full));
        return true;
    }
}

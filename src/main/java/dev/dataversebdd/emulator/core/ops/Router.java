package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.Caller;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.security.Right;
import dev.dataversebdd.emulator.core.security.Security;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.ExpandItem;
import dev.dataversebdd.emulator.core.uri.ResourcePath;
import dev.dataversebdd.emulator.core.uri.Segment;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Maps a request (method and resource path) to the operation that serves it. The shapes are those of the
 * associate/disassociate page (D1, D2: the $ref forms, PATCH binds, the activity-party PUT) and of the reads that
 * verify them, plus the CRUD that fixtures need; anything else is a
 * Dataverse error or, where Dataverse would answer but the emulator does not model it, a 501 naming the gap.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Router {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RowLocator rows;
    private final Linker linker;
    private final RowWriter writer;
    private final PartyReplacer parties;
    private final Reader reader;
    private final SingleProperty singleProperty;
    private final Caller caller;
    private final RowRenderer renderer;
    private final Security security;
    private final SecurityActions actions;
    private final ReferenceRoutes references;
    private final DefinitionRoutes definitions;
    private final FetchXmlRoute fetchXml;

    public Router(RowLocator rows, Caller caller) {
        this(rows, caller, null);
    }

    public Router(RowLocator rows, Caller caller, Security security) {
        this.caller = caller;
        this.security = security;
        this.rows = rows;
        this.linker = new Linker(rows);
        this.writer = new RowWriter(rows, linker, caller.businessUnitId());
        this.parties = new PartyReplacer(rows, linker, writer);
        this.renderer = new RowRenderer(rows, linker);
        this.reader = new Reader(rows, linker, renderer);
        this.singleProperty = new SingleProperty(writer);
        this.actions = security == null ? null : new SecurityActions(rows, security);
        this.references = new ReferenceRoutes(rows, linker, reader);
        this.definitions = new DefinitionRoutes(rows.schema());
        this.fetchXml = new FetchXmlRoute(rows, linker);
    }

    public static boolean isWrite(String method) {
        return WRITE_METHODS.contains(method);
    }

    public EmulatorResponse route(ResourcePath path, RequestContext unchecked) {
        RequestContext context = security == null ? unchecked
                : unchecked.with(security.guard(unchecked.request(), rows.store(), unchecked.profile()));
        String method = context.request().method();
        if (path.size() == 0) {
            return requireMethod("GET", context).serviceDocument(context);
        }
        Segment first = path.get(0);
        if (first.is("$metadata")) {
            requireMethod("GET", context);
            return Responses.bytes(200, "application/xml", rows.schema().document());
        }
        if (DefinitionRoutes.handles(first)) {
            return definitions.route(path, context);
        }
        if (first.is("WhoAmI") && path.size() == 1) {
            requireMethod("GET", context);
            return whoAmI(context);
        }
        if (actions != null && path.size() == 1 && SecurityActions.UNBOUND.contains(first.name())) {
            requireMethod("POST", context);
            return actions.unbound(first.name(), context);
        }
        EntityType type = rows.entitySet(first.name(), context.profile());
        if (FetchXmlRoute.query(context) != null && (path.size() != 1 || first.hasKey() || !method.equals("GET"))) {
            throw Errors.emulatorGap("fetchXml on " + method + " " + path, "GET {set}?fetchXml=...");
        }
        if (path.size() == 1) {
            return first.hasKey() ? rowRoute(type, first, method, context) : setRoute(type, method, context);
        }
        if (!first.hasKey()) {
            if (path.size() == 2 && path.get(1).is("$count") && method.equals("GET")) {
                return reader.count(readable(type, rows.store().rows(type.logicalName()), context).size());
            }
            throw Errors.resourceNotFoundForSegment(path.get(1).toString(),
                    context.profile().mode(Behaviour.UNKNOWN_SEGMENT_CODE));
        }
        Segment second = path.get(1);
        if (actions != null && path.size() == 2 && second.name().startsWith(SecurityActions.NAMESPACE)) {
            return boundAction(type, first, second, context);
        }
        NavigationProperty nav = type.navigations().get(second.name());
        if (nav == null) {
            return notANavigation(type, path, context);
        }
        Row row = rows.find(type, first.key());
        if (method.equals("GET")) {
            context.guard().require(Right.READ, row);
        }
        if (path.size() == 2) {
            return second.hasKey() ? relatedRowRoute(row, nav, second, context) : navigationRoute(row, nav, method, context);
        }
        Segment third = path.get(2);
        if (path.size() == 3 && third.is("$ref")) {
            return second.hasKey() ? references.keyedRoute(row, nav, second, method, context)
                    : references.route(row, nav, method, context);
        }
        if (path.size() == 3 && third.is("$count") && nav.isCollection() && method.equals("GET")) {
            return reader.count(readable(rows.schema().type(nav.targetType()), linker.related(row, nav), context).size());
        }
        throw Errors.emulatorGap(method + " " + path, "{set}({key})/{nav}, {set}({key})/{nav}/$ref, "
                + "{set}({key})/{nav}({key})/$ref and {set}({key})/{nav}/$count");
    }

    private EmulatorResponse boundAction(EntityType type, Segment first, Segment second, RequestContext context) {
        String name = second.name().substring(SecurityActions.NAMESPACE.length());
        Row row = rows.find(type, first.key());
        String method = context.request().method();
        return switch (type.logicalName() + " " + method + " " + name) {
            case "role POST AddPrivilegesRole" -> actions.addPrivileges(row, context);
            case "systemuser GET RetrieveUserPrivileges" -> actions.userPrivileges(row, context);
            case "systemuser GET RetrievePrincipalAccess" -> actions.principalAccess(row, context);
            default -> throw Errors.emulatorGap(method + " " + second.name() + " bound to " + type.logicalName(),
                    "AddPrivilegesRole (role), RetrieveUserPrivileges and RetrievePrincipalAccess (systemuser)");
        };
    }

    /**
     * The rows of a list the user may see (S5: a list is filtered, never refused for a row); without the Read
     * privilege on the table at all, 403 or nothing, as {@code security-list-no-privilege} says.
     */
    private List<Row> readable(EntityType type, Collection<Row> all, RequestContext context) {
        Guard guard = context.guard();
        if (guard.passesEverything()) {
            return all instanceof List<Row> list ? list : List.copyOf(all);
        }
        if (!guard.mayList(type.logicalName())) {
            return List.of(); // security-list-no-privilege=empty
        }
        return all.stream().filter(guard::canRead).toList();
    }

    /** {@code GET WhoAmI}: the (impersonated) user's id, business unit and organization ids (D22, S7). */
    private EmulatorResponse whoAmI(RequestContext context) {
        ObjectNode body = Json.object();
        UUID user = context.guard().effectiveUserId();
        UUID unit = context.guard().effectiveBusinessUnit();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        body.put("BusinessUnitId", (unit == null ? caller.businessUnitId() : unit).toString());
        body.put("UserId", (user == null ? caller.userId() : user).toString());
        body.put("OrganizationId", caller.organizationId().toString());
        return Responses.json(200, body);
    }

    private Router requireMethod(String expected, RequestContext context) {
        if (!context.request().method().equals(expected)) {
            throw Errors.noHttpResource(context.request().target());
        }
        return this;
    }

    private EmulatorResponse serviceDocument(RequestContext context) {
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata");
        var value = body.putArray("value");
        for (String set : rows.schema().entitySetNames()) {
            value.addObject().put("name", set).put("kind", "EntitySet").put("url", set);
        }
        return Responses.json(200, body);
    }

    private EmulatorResponse setRoute(EntityType type, String method, RequestContext context) {
        switch (method) {
            case "GET" -> {
                List<Row> readable = readable(type, rows.store().rows(type.logicalName()), context);
                String fetch = FetchXmlRoute.query(context);
                return fetch != null ? fetchXml.list(type, readable, fetch, context) : reader.list(type, readable, context);
            }
            case "POST" -> {
                ObjectNode body = Json.parseObject(context.request().body());
                Row created = writer.create(type, body, context);
                return created(type, created, context);
            }
            default -> throw Errors.noHttpResource(context.request().target());
        }
    }

    private EmulatorResponse created(EntityType type, Row created, RequestContext context) {
        if (context.prefersRepresentation()) {
            return Responses.json(201, representation(type, created, context.query().expand(), context),
                    Map.of("Preference-Applied", "return=representation"));
        }
        return Responses.noContentWithEntityId(context.url(type.entitySetName(), created.ref()));
    }

    /** The row as {@code Prefer: return=representation} returns it: {@code $select} honoured, {@code $expand} as given. */
    private ObjectNode representation(EntityType type, Row row, List<ExpandItem> expand, RequestContext context) {
        List<String> select = context.query().select();
        renderer.validate(type, select, expand);
        return Responses.withContext(context.serviceRoot() + "/$metadata#"
                        + RowRenderer.contextFragment(type.entitySetName(), select, expand) + "/$entity",
                renderer.render(row, select, expand, context));
    }

    private EmulatorResponse rowRoute(EntityType type, Segment segment, String method, RequestContext context) {
        switch (method) {
            case "GET" -> {
                Row row = rows.find(type, segment.key());
                context.guard().require(Right.READ, row);
                return reader.row(row, context);
            }
            case "PATCH" -> {
                return patch(type, segment, context);
            }
            case "DELETE" -> {
                Row row = rows.find(type, segment.key());
                Preconditions.requireIfMatch(row, context.request());
                context.guard().require(Right.DELETE, row);
                writer.delete(row);
                return Responses.noContent();
            }
            default -> throw Errors.noHttpResource(context.request().target());
        }
    }

    /** PATCH: update, or upsert-create when the row is missing and {@code If-Match} is absent (D4). */
    private EmulatorResponse patch(EntityType type, Segment segment, RequestContext context) {
        ObjectNode body = Json.parseObject(context.request().body());
        UUID id = rows.primaryKey(type, segment.key());
        Row row = id == null ? rows.findIfExists(type, segment.key())
                : rows.store().find(type.logicalName(), id).orElse(null);
        Preconditions.requireIfNoneMatch(row, context.request());
        boolean created = row == null;
        if (created) {
            if (context.request().header("If-Match") != null) {
                throw id == null ? Errors.rowNotFoundByKey(type.logicalName()) : Errors.rowNotFound(type.logicalName(), id);
            }
            if (id != null) {
                body.put(type.primaryKey(), id.toString());
            } else {
                keyColumns(type, segment, body);
            }
            row = writer.create(type, body, context);
        } else {
            Preconditions.requireIfMatch(row, context.request());
            writer.update(type, row, body, context);
        }
        if (context.prefersRepresentation()) {
            // D4: on PATCH, $select is honoured and $expand ignored; an upsert that created answers 201 (D21).
            return Responses.json(created ? 201 : 200, representation(type, row, List.of(), context),
                    Map.of("Preference-Applied", "return=representation"));
        }
        return Responses.noContentWithEntityId(context.url(type.entitySetName(), row.ref()));
    }

    /**
     * An upsert by alternate key creates the row with the key's columns from the URL (D21); a body that gives one of
     * them another value is refused rather than silently overwritten.
     */
    private static void keyColumns(EntityType type, Segment segment, ObjectNode body) {
        segment.key().named().forEach((name, value) -> {
            if (type.isLookupProperty(name)) {
                throw Errors.emulatorGap("an upsert that creates a row by an alternate key with the lookup '" + name + "'",
                        "alternate keys of columns, or an upsert by primary key");
            }
            JsonNode given = body.get(name);
            String text = String.valueOf(value);
            if (given != null && !given.isNull() && !given.asText().equals(text)) {
                throw Errors.badPayload("The alternate key column '" + name + "' is '" + text + "' in the URL but '"
                        + given.asText() + "' in the body.");
            }
            if (value instanceof BigDecimal number) {
                body.put(name, number);
            } else {
                body.put(name, text);
            }
        });
    }

    private EmulatorResponse notANavigation(EntityType type, ResourcePath path, RequestContext context) {
        String name = path.get(1).name();
        if (path.size() == 3 && path.get(2).is("$ref")) {
            throw Errors.refInvalidAfterSegment(name);
        }
        boolean rawValue = path.size() == 3 && path.get(2).is("$value");
        if (type.hasProperty(name) && !path.get(1).hasKey() && (path.size() == 2 || rawValue)) {
            return singleProperty.handle(type, rows.find(type, path.get(0).key()), name, rawValue, context);
        }
        throw Errors.resourceNotFoundForSegment(name, context.profile().mode(Behaviour.UNKNOWN_SEGMENT_CODE));
    }

    private EmulatorResponse navigationRoute(Row row, NavigationProperty nav, String method, RequestContext context) {
        switch (method) {
            case "GET" -> {
                if (!nav.isCollection()) {
                    return reader.single(row, nav, context);
                }
                EntityType targetType = rows.schema().type(nav.targetType());
                return reader.list(targetType, readable(targetType, linker.related(row, nav), context), context);
            }
            case "PUT" -> {
                if (!PartyReplacer.isPartyCollection(nav)) {
                    throw Errors.notSupported("PUT replaces the collection '" + nav.name() + "' only for activity "
                            + "parties; use POST/DELETE .../" + nav.name() + "/$ref to add or remove references.");
                }
                context.guard().require(Right.WRITE, row);
                parties.replace(row, nav, Json.parseObject(context.request().body()), context);
                return Responses.noContent();
            }
            case "POST" -> {
                if (!nav.isCollection()) {
                    throw Errors.noHttpResource(context.request().target());
                }
                EntityType targetType = rows.schema().type(nav.targetType());
                ObjectNode body = Json.parseObject(context.request().body());
                if (PartyReplacer.isPartyCollection(nav)) {
                    writer.validateParty(row, targetType, body);
                }
                Row created = writer.insert(targetType, body, c -> linker.associate(row, nav, c, context), context);
                return created(targetType, created, context);
            }
            case "DELETE" -> throw Errors.notSupported("DELETE .../" + nav.name() + " without /$ref cannot be used to "
                    + "disassociate (and the emulator never deletes a related row this way); use DELETE .../"
                    + nav.name() + "/$ref.");
            default -> throw Errors.noHttpResource(context.request().target());
        }
    }

    private EmulatorResponse relatedRowRoute(Row row, NavigationProperty nav, Segment segment, RequestContext context) {
        requireMethod("GET", context);
        EntityType targetType = rows.schema().type(nav.targetType());
        Row related = rows.find(targetType, segment.key());
        if (!linker.related(row, nav).contains(related)) {
            throw Errors.rowNotFound(targetType.logicalName(), related.id());
        }
        return reader.row(related, context);
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.security.Right;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Segment;

/**
 * The {@code $ref} routes of a row's navigation property (D1, D2): read, add and remove the references of a
 * collection-valued one ({@code GET}/{@code POST}/{@code DELETE …/$ref}, {@code DELETE …/nav({key})/$ref}), read,
 * set and clear a single-valued one ({@code GET}/{@code PUT}/{@code DELETE …/$ref}). The {@link Router} hands them
 * over once it has found the row and the navigation property.
 */
final class ReferenceRoutes {

    private final RowLocator rows;
    private final Linker linker;
    private final Reader reader;

    ReferenceRoutes(RowLocator rows, Linker linker, Reader reader) {
        this.rows = rows;
        this.linker = linker;
        this.reader = reader;
    }

    EmulatorResponse route(Row row, NavigationProperty nav, String method, RequestContext context) {
        if (nav.isCollection()) {
            switch (method) {
                case "GET" -> {
                    return reader.references(row, nav, context);
                }
                case "POST" -> {
                    linker.associate(row, nav, target(context), context);
                    return Responses.noContent();
                }
                case "DELETE" -> {
                    String id = context.query().id();
                    if (id != null) {
                        linker.disassociate(row, nav, rows.resolve(id, true, context.profile()), context);
                    } else if (context.is(Behaviour.DELETE_REF_WITHOUT_ID, "remove-all")) {
                        linker.disassociateAll(row, nav, context);
                    } else {
                        throw Errors.badRequestUri("DELETE on the collection-valued '" + nav.name() + "/$ref' needs the "
                                + "row to remove: add ?$id={entity URL} or use .../" + nav.name() + "({key})/$ref.");
                    }
                    return Responses.noContent();
                }
                case "PUT" -> throw Errors.notSupported("PUT cannot replace the references of the collection-valued '"
                        + nav.name() + "'; use POST to add and DELETE to remove.");
                default -> throw Errors.noHttpResource(context.request().target());
            }
        }
        switch (method) {
            case "GET" -> {
                return reader.reference(row, nav, context);
            }
            case "PUT" -> {
                Row target = target(context);
                context.guard().require(Right.WRITE, row);
                linker.bindSingle(row, nav, target, context);
                return Responses.noContent();
            }
            case "DELETE" -> {
                if (context.query().id() != null) {
                    throw Errors.badRequestUri("$id must not be specified when removing the reference of the "
                            + "single-valued '" + nav.name() + "'.");
                }
                context.guard().require(Right.WRITE, row);
                linker.clearSingle(row, nav, context);
                return Responses.noContent();
            }
            case "POST" -> throw Errors.notSupported("POST adds references to collection-valued navigation properties; "
                    + "'" + nav.name() + "' is single-valued: use PUT .../" + nav.name() + "/$ref.");
            default -> throw Errors.noHttpResource(context.request().target());
        }
    }

    EmulatorResponse keyedRoute(Row row, NavigationProperty nav, Segment segment, String method,
                                RequestContext context) {
        if (!nav.isCollection()) {
            throw Errors.badRequestUri("The single-valued '" + nav.name() + "' cannot be followed by a key.");
        }
        if (!method.equals("DELETE")) {
            throw Errors.noHttpResource(context.request().target());
        }
        Row target = rows.find(rows.schema().type(nav.targetType()), segment.key());
        linker.disassociate(row, nav, target, context);
        return Responses.noContent();
    }

    /** The row named by the {@code @odata.id} of a {@code $ref} body. */
    private Row target(RequestContext context) {
        ObjectNode body = Json.parseObject(context.request().body());
        JsonNode id = body.get("@odata.id");
        if (id == null || !id.isTextual()) {
            throw Errors.badPayload("A $ref body must be {\"@odata.id\": \"<entity URL>\"}; '@odata.id' is "
                    + (id == null ? "missing" : Json.describe(id)) + ".");
        }
        return rows.resolve(id.asText(), true, context.profile());
    }
}

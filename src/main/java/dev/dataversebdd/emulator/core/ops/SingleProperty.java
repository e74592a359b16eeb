package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;

/**
 * One column of one row as its own resource: {@code GET {set}({key})/{property}} (and {@code /$value}) from "Retrieve
 * a table row" (D6), {@code PUT} with {@code {"value": …}} and {@code DELETE} from "Update and delete table rows"
 * (D4). Writes go through the row writer, so a single-property update is checked exactly as a PATCH is.
 */
final class SingleProperty {

    private final RowWriter writer;

    SingleProperty(RowWriter writer) {
        this.writer = writer;
    }

    EmulatorResponse handle(EntityType type, Row row, String property, boolean rawValue, RequestContext context) {
        String method = context.request().method();
        if (rawValue && !method.equals("GET")) {
            throw Errors.noHttpResource(context.request().target());
        }
        return switch (method) {
            case "GET" -> read(type, row, property, rawValue, context);
            case "PUT" -> write(type, row, property, valueOf(context), context);
            case "DELETE" -> write(type, row, property, Json.object().nullNode(), context);
            default -> throw Errors.noHttpResource(context.request().target());
        };
    }

    private static EmulatorResponse read(EntityType type, Row row, String property, boolean rawValue, RequestContext context) {
        JsonNode value = value(type, row, property);
        if (value.isNull()) {
            return Responses.noContent(); // OData: a null property has no content
        }
        if (rawValue) {
            return Responses.text(200, "text/plain;charset=utf-8", value.asText());
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#" + type.entitySetName() + "(" + row.id() + ")/"
                + property);
        body.set("value", value);
        return Responses.json(200, body);
    }

    private EmulatorResponse write(EntityType type, Row row, String property, JsonNode value, RequestContext context) {
        if (property.equals(type.primaryKey())) {
            throw Errors.badPayload("The primary key '" + property + "' of a row cannot be changed.");
        }
        if (type.isLookupProperty(property)) {
            throw Errors.badPayload("'" + property + "' is a lookup property and read-only: change it with PUT or DELETE on "
                    + "its navigation property's $ref, or a @odata.bind in a PATCH.");
        }
        ObjectNode change = Json.object();
        change.set(property, value);
        writer.update(type, row, change, context);
        return Responses.noContent();
    }

    /** The body of a single-property PUT: {@code {"value": …}}, nothing else. */
    private static JsonNode valueOf(RequestContext context) {
        ObjectNode body = Json.parseObject(context.request().body());
        if (body.size() != 1 || !body.has("value")) {
            throw Errors.badPayload("A single-property PUT takes a body of the form {\"value\": ...}.");
        }
        return body.get("value");
    }

    private static JsonNode value(EntityType type, Row row, String property) {
        if (property.equals(type.primaryKey())) {
            return Json.object().textNode(row.id().toString());
        }
        if (type.isLookupProperty(property)) {
            EntityRef ref = row.lookup(property);
            return ref == null ? Json.object().nullNode() : Json.object().textNode(ref.id().toString());
        }
        JsonNode node = row.attribute(property);
        return node == null ? Json.object().nullNode() : node;
    }
}

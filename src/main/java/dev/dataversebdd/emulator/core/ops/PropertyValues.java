package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Checks a structural value in a body against its EDM type, as the OData reader does before any write. */
final class PropertyValues {

    private PropertyValues() {
    }

    static void requireValid(EntityType type, String property, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        String edm = type.propertyType(property);
        boolean ok = switch (edm == null ? "" : edm) {
            case "Edm.String" -> value.isTextual();
            case "Edm.Int32", "Edm.Int64", "Edm.Int16" -> value.isIntegralNumber();
            case "Edm.Decimal", "Edm.Double", "Edm.Single" -> value.isNumber();
            case "Edm.Boolean" -> value.isBoolean();
            case "Edm.Guid" -> value.isTextual() && isGuid(value.asText());
            case "Edm.DateTimeOffset" -> value.isTextual() && isDateTime(value.asText());
            default -> true;
        };
        if (!ok) {
            throw Errors.badPayload("Cannot convert the literal '" + value + "' to the expected type '" + edm
                    + "' of property '" + property + "' on '" + type.qualifiedName() + "'.");
        }
    }

    private static boolean isGuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return text.matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Checks a structural value in a body against its EDM type (the type's range included) and the metadata's
 * {@code MaxLength}, as Dataverse does before any write.
 */
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
            case "Edm.Int32" -> value.isIntegralNumber() && value.canConvertToInt();
            case "Edm.Int64" -> value.isIntegralNumber() && value.canConvertToLong();
            case "Edm.Int16" -> value.isIntegralNumber() && value.canConvertToInt()
                    && value.intValue() >= Short.MIN_VALUE && value.intValue() <= Short.MAX_VALUE;
            case "Edm.Byte" -> value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0
                    && value.intValue() <= 255;
            case "Edm.Double" -> value.isNumber() && Double.isFinite(value.doubleValue());
            case "Edm.Single" -> value.isNumber() && Float.isFinite(value.floatValue());
            case "Edm.Decimal" -> value.isNumber();
            case "Edm.Boolean" -> value.isBoolean();
            case "Edm.Guid" -> value.isTextual() && isGuid(value.asText());
            case "Edm.DateTimeOffset" -> value.isTextual() && isDateTime(value.asText());
            default -> true;
        };
        if (!ok) {
            throw Errors.badPayload("Cannot convert the literal '" + value + "' to the expected type '" + edm
                    + "' of property '" + property + "' on '" + type.qualifiedName() + "'.");
        }
        type.maxLength(property).filter(max -> value.isTextual() && value.asText().length() > max)
                .ifPresent(max -> {
                    throw Errors.tooLong(property, type.logicalName(), max);
                });
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

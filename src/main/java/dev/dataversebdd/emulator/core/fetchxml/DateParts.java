package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/** The date parts of {@code dategrouping} the emulator models, read from an ISO 8601 date in UTC [INF]. */
final class DateParts {

    static final Set<String> MODELLED = Set.of("year", "quarter", "month", "day");

    private DateParts() {
    }

    static JsonNode of(String part, String isoDate) {
        try {
            int year = Integer.parseInt(isoDate.substring(0, 4));
            int month = Integer.parseInt(isoDate.substring(5, 7));
            int day = Integer.parseInt(isoDate.substring(8, 10));
            int value = switch (part) {
                case "year" -> year;
                case "quarter" -> (month - 1) / 3 + 1;
                case "month" -> month;
                default -> day;
            };
            return JsonNodeFactory.instance.numberNode(value);
        } catch (RuntimeException e) {
            throw FetchErrors.invalid("dategrouping '" + part + "' needs a date column; '" + isoDate + "' is not a date.");
        }
    }
}

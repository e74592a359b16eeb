package dev.dataversebdd.wire;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code Retry-After} header in both of its forms (RFC 9110 §10.2.3): a number of seconds, as Dataverse sends
 * it, or an HTTP-date, as a gateway in front of it may.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class RetryAfter {

    private RetryAfter() {
    }

    /** How long {@code value} says to wait from {@code nowMillis} (epoch ms); empty when absent or unreadable. */
    public static Optional<Duration> parse(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            long at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Optional.of(Duration.ofMillis(Math.max(0, at - nowMillis)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

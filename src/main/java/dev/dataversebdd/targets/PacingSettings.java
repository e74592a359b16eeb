package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.Pacing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The settings of a live run's pacing: {@code dataverse.parallelism} (requests in flight at most, and the scenarios
 * the JUnit Platform runs at once, default 4) and {@code dataverse.max-wait} (the longest one request may wait for the
 * org's service protection limits before the run fails, default 15 minutes). JVMs of one machine share penalties
 * through {@code pacing.state} beside the ledger folder ({@code target/dataverse-bdd/pacing.state} by default).
 */
final class PacingSettings {

    static final String PARALLELISM = "dataverse.parallelism";
    static final String MAX_WAIT = "dataverse.max-wait";
    static final int DEFAULT_PARALLELISM = 4;
    static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(15);

    private PacingSettings() {
    }

    static Pacing read(Settings settings, Path ledgerFolder) {
        return new Pacing(maxWait(settings), parallelism(settings), ledgerFolder.getParent() == null
                ? ledgerFolder.resolve("pacing.state") : ledgerFolder.getParent().resolve("pacing.state"));
    }

    static int parallelism(Settings settings) {
        String text = settings.get(PARALLELISM).orElse(String.valueOf(DEFAULT_PARALLELISM)).trim();
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > 64) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting " + Settings.describe(PARALLELISM) + " takes a number from 1 to 64 "
                    + "(scenarios and requests at once), not '" + text + "'.");
        }
    }

    /** {@code 15m}, {@code 90s}, {@code 500ms}, or ISO-8601 ({@code PT15M}). */
    static Duration maxWait(Settings settings) {
        String text = settings.get(MAX_WAIT).orElse(null);
        if (text == null) {
            return DEFAULT_MAX_WAIT;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigurationException("Setting " + Settings.describe(MAX_WAIT) + " takes a duration such as 15m, "
                    + "90s or PT15M, not '" + text + "'.");
        }
    }
}

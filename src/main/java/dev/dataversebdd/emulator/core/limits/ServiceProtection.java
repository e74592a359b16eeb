package dev.dataversebdd.emulator.core.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The numbers of Dataverse's service protection limits, each one configuration because limits seen on real tenants
 * differ from the documented defaults ("Service protection API limits": 6,000 requests and 1,200 s of combined
 * execution time per user in a 300-s sliding window, 52 concurrent requests).
 *
 * <p>The limits are stated in the org's own time; {@code timeScale} runs that time faster, so that a test can use a
 * 300-s window that lasts 3 s ({@code timeScale} 0.01). Error messages name the org's numbers, as Dataverse's do;
 * {@code Retry-After} says real seconds (rounded up, at least 1), because that is what a client waits.
 *
 * <pre>{@code
 * DataverseEmulator.builder().serviceProtection(ServiceProtection.parse("requests=100,window=300s,time-scale=0.01"));
 * }</pre>
 *
 * @param requests         requests a caller may send in one window
 * @param window           the sliding window
 * @param executionTime    the combined execution time a caller's requests may take in one window
 * @param concurrent       requests of one caller in flight at once
 * @param penaltyExtension added to a caller's penalty for each request it sends while told to wait [INF]
 * @param timeScale        real time per org time: 1 for real time, 0.01 to run 100 times faster
 * @param dopHint          the degree of parallelism {@code x-ms-dop-hint} recommends
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record ServiceProtection(int requests, Duration window, Duration executionTime, int concurrent,
                                Duration penaltyExtension, double timeScale, int dopHint) {

    /** The keys of {@link #parse}, in the order {@link #toString} writes them. */
    public static final String KEYS = "requests, window, execution-time, concurrent, penalty-extension, time-scale, dop-hint";

    public ServiceProtection {
        require(requests >= 1, "requests must be at least 1, not " + requests);
        require(concurrent >= 1, "concurrent must be at least 1, not " + concurrent);
        require(dopHint >= 1, "dop-hint must be at least 1, not " + dopHint);
        require(!window.isNegative() && !window.isZero(), "window must be longer than 0, not " + window);
        require(!executionTime.isNegative() && !executionTime.isZero(), "execution-time must be longer than 0");
        require(!penaltyExtension.isNegative(), "penalty-extension cannot be negative");
        require(timeScale > 0 && timeScale <= 1000, "time-scale must be above 0 (and at most 1000), not " + timeScale);
    }

    /** The documented numbers; a penalty extended by 5 s per request sent during it [INF]; a hint of 4 [INF]. */
    public static ServiceProtection defaults() {
        return new ServiceProtection(6000, Duration.ofSeconds(300), Duration.ofSeconds(1200), 52, Duration.ofSeconds(5),
                1.0, 4);
    }

    /**
     * {@code on} for the defaults, or {@code key=value} pairs separated by commas, each changing one default:
     * {@code requests=600,window=300s,execution-time=1200s,concurrent=52,penalty-extension=5s,time-scale=0.01,dop-hint=4}.
     * Durations take {@code ms}, {@code s} or {@code m}. Refuses an unknown key, naming the known ones.
     */
    public static ServiceProtection parse(String spec) {
        ServiceProtection result = defaults();
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("on") || trimmed.equalsIgnoreCase("true")) {
            return result;
        }
        for (String pair : trimmed.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("service protection: '" + pair.trim() + "' is not key=value; the keys are "
                        + KEYS);
            }
            result = result.with(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), pair.substring(eq + 1).trim());
        }
        return result;
    }

    private ServiceProtection with(String key, String value) {
        try {
            return switch (key) {
                case "requests" -> new ServiceProtection(Integer.parseInt(value), window, executionTime, concurrent,
                        penaltyExtension, timeScale, dopHint);
                case "window" -> new ServiceProtection(requests, duration(value), executionTime, concurrent,
                        penaltyExtension, timeScale, dopHint);
                case "execution-time" -> new ServiceProtection(requests, window, duration(value), concurrent,
                        penaltyExtension, timeScale, dopHint);
                case "concurrent" -> new ServiceProtection(requests, window, executionTime, Integer.parseInt(value),
                        penaltyExtension, timeScale, dopHint);
                case "penalty-extension" -> new ServiceProtection(requests, window, executionTime, concurrent,
                        duration(value), timeScale, dopHint);
                case "time-scale" -> new ServiceProtection(requests, window, executionTime, concurrent, penaltyExtension,
                        Double.parseDouble(value), dopHint);
                case "dop-hint" -> new ServiceProtection(requests, window, executionTime, concurrent, penaltyExtension,
                        timeScale, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("service protection: unknown key '" + key + "'; the keys are "
                        + KEYS);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("service protection: '" + value + "' is not a number for " + key, e);
        }
    }

    /** {@code 300s}, {@code 1500ms}, {@code 5m}; a bare number is seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t)
                * 1000));
    }

    /** The same numbers as {@link #parse} reads them, e.g. for a start-up line. */
    @Override
    public String toString() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("requests", String.valueOf(requests));
        pairs.put("window", window.toMillis() + "ms");
        pairs.put("execution-time", executionTime.toMillis() + "ms");
        pairs.put("concurrent", String.valueOf(concurrent));
        pairs.put("penalty-extension", penaltyExtension.toMillis() + "ms");
        pairs.put("time-scale", String.valueOf(timeScale));
        pairs.put("dop-hint", String.valueOf(dopHint));
        StringBuilder text = new StringBuilder();
        pairs.forEach((k, v) -> text.append(text.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return text.toString();
    }

    /** An org duration in real nanoseconds. */
    long realNanos(Duration orgTime) {
        return Math.round(orgTime.toNanos() * timeScale);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("service protection: " + message);
        }
    }
}

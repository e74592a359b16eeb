package dev.dataversebdd.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The last run's durations, read from its Cucumber JSON report ({@code reports/cucumber/cucumber.json}, or the one
 * {@code conformance merge} writes): each scenario's steps and hooks added up, in seconds, by {@link ShardPlan#key}.
 * Scenarios of an outline share a key: their durations add up.
 */
final class ShardDurations {

    private ShardDurations() {
    }

    static Map<String, Double> read(Path cucumberJson) {
        JsonNode features;
        try {
            features = new ObjectMapper().readTree(Files.readAllBytes(cucumberJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the durations file " + cucumberJson + " (" + e.getMessage()
                    + "): give the cucumber.json of an earlier run (reports/cucumber/cucumber.json)", e);
        }
        Map<String, Double> seconds = new HashMap<>();
        for (JsonNode feature : features) {
            for (JsonNode element : feature.path("elements")) {
                if (!"scenario".equals(element.path("type").asText())) {
                    continue;
                }
                long nanos = 0;
                for (String part : new String[] {"before", "steps", "after"}) {
                    for (JsonNode step : element.path(part)) {
                        nanos += step.path("result").path("duration").asLong(0);
                    }
                }
                seconds.merge(ShardPlan.key(feature.path("uri").asText(), element.path("name").asText()), nanos / 1e9,
                        Double::sum);
            }
        }
        return seconds;
    }
}

package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A scenario as the run saw it: where it is, its tags, the sources its feature cites, its result, and the record
 * the glue attached (null when it attached none, e.g. skipped before its first step).
 */
record ScenarioRun(String name, String location, List<String> tags, List<String> sources, String result,
                   JsonNode record) {
}

package dev.dataversebdd.dsl;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How a live run names the rows it creates: {@code dvbdd-20261122T031500Z-4f2a Contoso}, the run's start time in
 * UTC and a random suffix, then the alias. The sweep finds leftovers by this prefix and tells old runs by the time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunTags {

    /** Every run tag starts with this. */
    public static final String PREFIX = "dvbdd-";
    /** The time in a run tag: when the run started, in UTC. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private RunTags() {
    }
}

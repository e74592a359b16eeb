package dev.dataversebdd.emulator.core;

import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One request the emulator received and the status it answered, for "verify what was sent" assertions.
 * The {@code Authorization} header is kept only as {@code Bearer ***}: the journal may end up in reports.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record JournalEntry(long sequence, Instant receivedAt, String method, String target,
                           Map<String, String> headers, String body, int status) {
}

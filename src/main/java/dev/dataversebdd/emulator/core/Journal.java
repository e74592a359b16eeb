package dev.dataversebdd.emulator.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded, thread-safe record of the latest requests (oldest dropped first, so long runs do not grow it). */
final class Journal {

    private static final int BODY_LIMIT = 8 * 1024;

    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile int capacity;

    Journal(int capacity) {
        this.capacity = capacity;
    }

    void record(EmulatorRequest request, int status) {
        if (capacity == 0) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name,
                name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie") ? redact(value) : value));
        String body = new String(request.body(), 0, Math.min(request.body().length, BODY_LIMIT), StandardCharsets.UTF_8);
        JournalEntry entry = new JournalEntry(sequence.incrementAndGet(), Instant.now(), request.method(),
                request.target(), Map.copyOf(headers), body, status);
        synchronized (entries) {
            entries.addLast(entry);
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
    }

    List<JournalEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    void capacity(int capacity) {
        this.capacity = capacity;
    }

    private static String redact(String value) {
        int space = value.indexOf(' ');
        return (space < 0 ? "" : value.substring(0, space + 1)) + "***";
    }
}

package dev.dataversebdd.emulator.core;

import dev.dataversebdd.emulator.core.state.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of the rows and links saved by name, in the order they were taken. */
final class Snapshots {

    private final Map<String, Store> saved = new LinkedHashMap<>();

    synchronized void save(String name, Store copy) {
        saved.put(name, copy);
    }

    /** A copy of the snapshot {@code name} (the saved one stays as it was, to restore again). */
    synchronized Store copyOf(String name) {
        Store snapshot = saved.get(name);
        if (snapshot == null) {
            throw unknown(name);
        }
        return snapshot.copy();
    }

    synchronized void delete(String name) {
        if (saved.remove(name) == null) {
            throw unknown(name);
        }
    }

    synchronized List<String> names() {
        return List.copyOf(saved.keySet());
    }

    synchronized void clear() {
        saved.clear();
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("no snapshot named '" + name + "'; taken: " + saved.keySet());
    }
}

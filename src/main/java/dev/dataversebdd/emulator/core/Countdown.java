package dev.dataversebdd.emulator.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Injected items in the order they were injected, each letting {@code after} requests through and then applying to
 * the next {@code times}: faults and delays count requests the same way, so they share this one count.
 */
final class Countdown<T> {

    private record Pending<T>(T item, int times, int after) {
    }

    private final Deque<Pending<T>> pending = new ArrayDeque<>();

    synchronized void add(T item, int times, int after) {
        pending.addLast(new Pending<>(item, times, after));
    }

    /** Counts one request: the item that applies to it, if any. */
    synchronized Optional<T> next() {
        Pending<T> first = pending.pollFirst();
        if (first == null) {
            return Optional.empty();
        }
        if (first.after() > 0) {
            pending.addFirst(new Pending<>(first.item(), first.times(), first.after() - 1));
            return Optional.empty();
        }
        if (first.times() > 1) {
            pending.addFirst(new Pending<>(first.item(), first.times() - 1, 0));
        }
        return Optional.of(first.item());
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    synchronized void clear() {
        pending.clear();
    }
}

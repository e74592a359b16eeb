package dev.dataversebdd.emulator.core;

import java.util.function.Function;

/**
 * A {@code $batch}'s parts as requests of their own, while the batch holds the store alone: each may be delayed or
 * faulted, is read and routed as a request would be, and goes into the journal.
 */
final class BatchParts implements BatchRunner.Parts {

    private final LockedStore store;
    private final FaultsAndDelays trouble;
    private final Journal journal;
    private final Function<EmulatorRequest, ParsedRequest> reader;

    /** {@code reader} reads a part as the pipeline reads a request (the batch's service root, the current profile). */
    BatchParts(LockedStore store, FaultsAndDelays trouble, Journal journal, Function<EmulatorRequest, ParsedRequest> reader) {
        this.store = store;
        this.trouble = trouble;
        this.journal = journal;
        this.reader = reader;
    }

    @Override
    public EmulatorResponse route(EmulatorRequest part) {
        return trouble.beforePart().orElseGet(() -> store.route(reader.apply(part)));
    }

    @Override
    public void begin() {
        store.begin();
    }

    @Override
    public void commit() {
        store.commit();
    }

    @Override
    public void rollback() {
        store.rollback();
    }

    @Override
    public void journal(EmulatorRequest part, int status) {
        journal.record(part, status);
    }
}

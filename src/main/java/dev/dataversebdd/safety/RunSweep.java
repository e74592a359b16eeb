package dev.dataversebdd.safety;

import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Finishes the cleanup of a run from its ledger: puts back the before-images it recorded and deletes the rows it
 * proved it created, with the same cascade checks as a session's own cleanup. Refuses a run that is still alive.
 * Rows whose id the author wrote and whose create was never answered are listed, not deleted: nothing proves
 * they are the run's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunSweep {

    /** What the sweep did (or, in a dry run, would do) and what it left undone. */
    public record Report(String runId, List<String> done, List<String> problems) {
    }

    private RunSweep() {
    }

    /** The ledger file of {@code runId} in {@code folder}; fails naming the runs there when there is none. */
    public static Path ledgerOf(Path folder, String runId) {
        Path file = folder.resolve(runId + ".jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no ledger of run '" + runId + "' in " + folder + "; runs there: "
                    + runs(folder));
        }
        return file;
    }

    /** The run ids with a ledger in {@code folder}, oldest name first. */
    static List<String> runs(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Deletes rows found by their run tag, each only when no row outside {@code rows} hangs below it (the same cascade
     * check as cleanup). Returns what happened to each row by id: {@code deleted}, or {@code left: …}.
     */
    public static Map<UUID, String> deleteTagged(ClientSchema schema, HttpChannel channel, List<RowId> rows,
                                                 List<String> problems) {
        Map<UUID, String> results = new LinkedHashMap<>();
        List<String> found = new Cleanup(new Reads(schema, channel), channel, true).run(new Cleanup.Work(rows, List.of()),
                new Cleanup.Record() {
                    @Override
                    public void restored(BeforeImage image) {
                    }

                    @Override
                    public void deleted(RowId row) {
                        results.put(row.id(), "deleted");
                    }

                    @Override
                    public String describe(RowId row) {
                        return row.toString();
                    }
                });
        problems.addAll(found);
        rows.forEach(row -> results.putIfAbsent(row.id(), "left: see the problems"));
        return results;
    }

    public static Report finish(ClientSchema schema, HttpChannel channel, Path ledgerFile, boolean dryRun) {
        RunLedger.Outstanding work = RunLedger.read(ledgerFile);
        String runId = work.runId() == null ? ledgerFile.getFileName().toString() : work.runId();
        Path folder = ledgerFile.toAbsolutePath().getParent();
        if (RunLedger.isAlive(folder, runId)) {
            throw new IllegalStateException("run " + runId + " is still running (its ledger is locked); a sweep never "
                    + "touches a live run");
        }
        if (work.target() != null && !work.target().equals(channel.serviceRoot())) {
            throw new IllegalStateException("run " + runId + " ran against " + work.target() + ", not "
                    + channel.serviceRoot() + "; sweep it with the settings of that org");
        }
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        work.unproven().forEach(row -> problems.add("not deleted: " + row + " (" + row.path() + "), whose create the "
                + "run never saw answered and whose id was written by hand, so nothing proves it is the run's"));
        if (dryRun) {
            work.beforeImages().forEach(image -> done.add("would restore " + image.describe()));
            work.rows().forEach(row -> done.add("would delete " + row + " (" + row.path() + ")"));
            return new Report(runId, done, problems);
        }
        try (RunLedger ledger = RunLedger.open(folder, runId, channel.serviceRoot())) {
            problems.addAll(new Cleanup(new Reads(schema, channel), channel, true).run(
                    new Cleanup.Work(work.rows(), work.beforeImages()), new Cleanup.Record() {
                        @Override
                        public void restored(BeforeImage image) {
                            ledger.restored(image);
                            done.add("restored " + image.describe());
                        }

                        @Override
                        public void deleted(RowId row) {
                            ledger.deleted(row);
                            done.add("deleted " + row + " (" + row.path() + ")");
                        }

                        @Override
                        public String describe(RowId row) {
                            return row.toString();
                        }
                    }));
        }
        return new Report(runId, done, problems);
    }
}

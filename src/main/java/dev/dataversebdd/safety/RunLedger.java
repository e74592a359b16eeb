package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * A live run's write-ahead ledger on disk ({@code <folder>/<run id>.jsonl}): every row the run is about to create and
 * every before-image is written and flushed <em>before</em> the request that makes it, and settled after. A run that
 * is killed leaves its ledger behind, and {@code SweepCommand --run <id>} finishes its cleanup from it. While the run
 * is alive it holds a lock on {@code <run id>.lock}, which the operating system releases when the process dies, so
 * a sweep never works on a run that is still going.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunLedger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ledgers this JVM holds open: connections of one run in one JVM share the ledger (and its lock). */
    private static final Map<Path, RunLedger> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel out;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunLedger(Path file, FileChannel out, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.out = out;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (or continues) the ledger of {@code runId} and locks it for this process. */
    public static synchronized RunLedger open(Path folder, String runId, String serviceRoot) {
        Path file = folder.resolve(runId + ".jsonl").toAbsolutePath();
        RunLedger open = OPEN.get(file);
        if (open != null) {
            return open;
        }
        try {
            Files.createDirectories(folder);
            FileChannel lockChannel = FileChannel.open(folder.resolve(runId + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("the run ledger " + file + " is in use by another process");
            }
            FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            RunLedger ledger = new RunLedger(file, out, lockChannel, lock);
            ObjectNode start = JSON.createObjectNode().put("entry", "run").put("run", runId).put("target", serviceRoot)
                    .put("at", Instant.now().toString());
            ledger.append(start);
            OPEN.put(file, ledger);
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run ledger in " + folder, e);
        }
    }

    /** True while the process that wrote the ledger of {@code runId} is alive (it holds the lock). */
    public static boolean isAlive(Path folder, String runId) {
        Path lockFile = folder.resolve(runId + ".lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very JVM holds it
        } catch (IOException e) {
            return true; // cannot tell: treat as alive (fail closed)
        }
    }

    public Path file() {
        return file;
    }

    void intendToCreate(RowId row, Effect.Proof proof) {
        append(row(row, "create").put("proof", proof.name()));
    }

    void created(RowId row) {
        append(row(row, "created"));
    }

    void notCreated(RowId row) {
        append(row(row, "not-created"));
    }

    void deleted(RowId row) {
        append(row(row, "deleted"));
    }

    void beforeImage(BeforeImage image) {
        ObjectNode entry = row(image.row(), "before-image").put("lookup", image.lookupProperty());
        if (image.target() != null) {
            entry.put("navigation", image.navigation()).put("targetTable", image.target().table())
                    .put("targetSet", image.target().entitySet()).put("targetId", image.target().id().toString());
        }
        append(entry);
    }

    void restored(BeforeImage image) {
        append(row(image.row(), "restored").put("lookup", image.lookupProperty()));
    }

    private static ObjectNode row(RowId row, String entry) {
        return JSON.createObjectNode().put("entry", entry).put("table", row.table()).put("set", row.entitySet())
                .put("id", row.id().toString());
    }

    private synchronized void append(ObjectNode entry) {
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(ByteBuffer.wrap(line));
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run ledger " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        OPEN.remove(file);
        try {
            out.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the run ledger " + file, e);
        }
    }

    /** What a ledger says is still to undo: rows to delete (oldest first) and before-images to put back. */
    record Outstanding(String runId, String target, List<RowId> rows, List<RowId> unproven,
                       List<BeforeImage> beforeImages) {
    }

    /** Replays a ledger file. Rows whose create was never answered count when their id was injected or proven absent. */
    static Outstanding read(Path file) {
        Map<UUID, RowId> rows = new LinkedHashMap<>();
        Map<UUID, RowId> unproven = new LinkedHashMap<>();
        Map<String, BeforeImage> images = new LinkedHashMap<>();
        String runId = null;
        String target = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run ledger " + file, e);
        }
        for (String line : lines) {
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException e) {
                continue; // the last line of a killed run may be cut short; what it announced was never sent
            }
            if (entry == null || !entry.hasNonNull("entry")) {
                continue;
            }
            String kind = entry.path("entry").asText();
            if (kind.equals("run")) {
                runId = entry.path("run").asText();
                target = entry.path("target").asText();
                continue;
            }
            RowId row = new RowId(entry.path("table").asText(), entry.path("set").asText(),
                    UUID.fromString(entry.path("id").asText()));
            String slot = row.id() + " " + entry.path("lookup").asText();
            switch (kind) {
                case "create" -> (entry.path("proof").asText().equals(Effect.Proof.AUTHOR_ID.name()) ? unproven : rows)
                        .put(row.id(), row);
                case "created" -> {
                    unproven.remove(row.id());
                    rows.put(row.id(), row);
                }
                case "not-created", "deleted" -> {
                    rows.remove(row.id());
                    unproven.remove(row.id());
                }
                case "before-image" -> images.putIfAbsent(slot, new BeforeImage(row, entry.path("lookup").asText(),
                        entry.hasNonNull("navigation") ? entry.path("navigation").asText() : null,
                        entry.hasNonNull("targetId") ? new RowId(entry.path("targetTable").asText(),
                                entry.path("targetSet").asText(), UUID.fromString(entry.path("targetId").asText())) : null));
                case "restored" -> images.remove(slot);
                default -> { }
            }
        }
        return new Outstanding(runId, target, new ArrayList<>(rows.values()), new ArrayList<>(unproven.values()),
                new ArrayList<>(images.values()));
    }
}

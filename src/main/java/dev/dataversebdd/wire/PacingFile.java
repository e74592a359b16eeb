package dev.dataversebdd.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * The penalty every JVM of one machine shares: one line, the epoch millisecond until which nobody may send. Written
 * whole (a temporary file moved over it), read again only when it changed; a file that cannot be read or written
 * is no reason to stop a run (each JVM still keeps its own gate), so failures are reported once and then ignored.
 */
final class PacingFile {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd");

    private final Path file;
    private FileTime seen;
    private long pausedUntil = Long.MIN_VALUE;
    private boolean warned;

    PacingFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Until when another JVM (or this one) said to wait; {@link Long#MIN_VALUE} when nobody did. */
    synchronized long pausedUntil() {
        try {
            if (!Files.exists(file)) {
                return pausedUntil;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(seen)) {
                seen = modified;
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (text.matches("\\d{1,19}")) {
                    pausedUntil = Math.max(pausedUntil, Long.parseLong(text));
                }
            }
        } catch (IOException e) {
            warnOnce("cannot read", e);
        }
        return pausedUntil;
    }

    /** Says to every JVM: nobody sends before {@code until} (epoch ms); an earlier time than the one there is kept out. */
    synchronized void pauseUntil(long until) {
        if (until <= pausedUntil()) {
            return;
        }
        pausedUntil = until;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, until + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            seen = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            warnOnce("cannot write", e);
        }
    }

    private void warnOnce(String what, IOException e) {
        if (!warned) {
            warned = true;
            LOG.log(System.Logger.Level.WARNING, "dataverse-bdd: " + what + " the pacing file " + file + " ("
                    + e.getClass().getSimpleName() + "): other JVMs of this machine will not see this run's waits");
        }
    }
}

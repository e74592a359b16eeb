package dev.dataversebdd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The file in which a running emulator leaves the port it listens on (one line, the number), so that a health check
 * asks the right port whatever {@code --port} said; {@code DATAVERSE_EMULATOR_PORT_FILE} names it for both the
 * emulator and {@code health} (the container image sets it; src/main/docker/healthcheck.sh reads it too).
 */
final class PortFile {

    static final String VARIABLE = "DATAVERSE_EMULATOR_PORT_FILE";

    private PortFile() {
    }

    /** Writes it whole or not at all, so that a health check never reads half a number. */
    static void write(Path file, int port) {
        try {
            Path absolute = file.toAbsolutePath();
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
            Files.writeString(partial, port + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot write the port file " + file + " (--port-file, or " + VARIABLE + "): "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** The port in the file, or nothing when there is no such file yet. */
    static Optional<Integer> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65_535) {
            throw new CommandException("the port file " + file + " holds '" + text + "', not a port number");
        }
        return Optional.of(Integer.parseInt(text));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stopped emulator's port file that stays answers "unhealthy" (nothing listens), which is true
        }
    }
}

package dev.dataversebdd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Masks token-shaped text and secret values in the report files a run wrote: step text is written by Cucumber's own
 * formatters and Allure's adapter verbatim, so a token typed into a feature file would otherwise stay in them.
 * Only text files written since {@code since} are touched.
 *
 * <pre>{@code
 * new ReportScrubber(Redactor.withSecrets(secrets)).scrub(List.of(Path.of("reports")), runStarted);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportScrubber {

    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Redactor redactor;

    public ReportScrubber(Redactor redactor) {
        this.redactor = redactor;
    }

    /** @return the files it changed */
    public List<Path> scrub(List<Path> folders, FileTime since) {
        List<Path> changed = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).filter(LeakScan::isOurText)
                        .filter(ReportScrubber::notWrittenByMaven).toList()) {
                    if (Files.getLastModifiedTime(file).compareTo(since) >= 0 && Files.size(file) <= MAX_FILE_BYTES
                            && scrubFile(file)) {
                        changed.add(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scrub " + folder, e);
            }
        }
        return changed;
    }

    /** Surefire's and Failsafe's reports are written by Maven's JVM while this one runs: never rewrite them. */
    private static boolean notWrittenByMaven(Path file) {
        for (Path part : file) {
            if (part.toString().equals("surefire-reports") || part.toString().equals("failsafe-reports")) {
                return false;
            }
        }
        return true;
    }

    private boolean scrubFile(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String masked = redactor.text(text);
        if (masked.equals(text)) {
            return false;
        }
        Files.writeString(file, masked, StandardCharsets.UTF_8);
        return true;
    }
}

package dev.dataversebdd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Looks through a folder of reports for anything that must never be there: a configured secret, or a string
 * shaped like a JWT (every Entra ID access token is one). Findings name the file and line, never the secret.
 *
 * <pre>{@code
 * List<String> leaks = new LeakScan(List.of(clientSecret)).scan(Path.of("reports"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LeakScan {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Binary files cannot carry a readable secret, and these folders hold third-party downloads, not our output. */
    private static final List<String> SKIPPED_ENDINGS = List.of(".jar", ".class", ".zip", ".gz", ".png", ".jpg", ".ico",
            ".woff", ".woff2", ".ttf", ".lock");
    private static final List<String> SKIPPED_FOLDERS = List.of("it-repo", "allure-cli", "node_modules");

    private final List<String> secrets;
    private final List<Path> except;

    public LeakScan(List<String> secrets) {
        this(secrets, List.of());
    }

    private LeakScan(List<String> secrets, List<Path> except) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
        this.except = List.copyOf(except);
    }

    /** The same scan, leaving out everything below these folders. */
    public LeakScan except(List<Path> folders) {
        return new LeakScan(secrets, folders.stream().map(f -> f.toAbsolutePath().normalize()).toList());
    }

    /** One line per finding, e.g. {@code reports/allure-results/x-attachment.txt:3: a JWT-shaped token}. */
    public List<String> scan(Path folder) {
        List<String> findings = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return findings;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(LeakScan::isOurText)
                    .filter(f -> except.stream().noneMatch(f.toAbsolutePath().normalize()::startsWith)).toList()) {
                scanFile(file, findings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return findings;
    }

    static boolean isOurText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (SKIPPED_ENDINGS.stream().anyMatch(name::endsWith)) {
            return false;
        }
        for (Path part : file) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private void scanFile(Path file, List<String> findings) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (JWT.matcher(lines[i]).find()) {
                findings.add(file + ":" + (i + 1) + ": a JWT-shaped token");
            }
            for (int s = 0; s < secrets.size(); s++) {
                if (lines[i].contains(secrets.get(s))) {
                    findings.add(file + ":" + (i + 1) + ": configured secret #" + (s + 1));
                }
            }
        }
    }
}

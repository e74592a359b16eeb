package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the matrix page in a real browser, Debian's headless Chromium, from disk: the DOM it builds must hold the
 * grid with one badge per cell of matrix.json, and a screenshot is written to target/matrix.png. Documented in
 * src/site/markdown/conformance.md; run it after the suite with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dataversebdd.conformance.MatrixInChromium}
 * ({@code -Dexec.args=<folder>} for another reports folder). Needs {@code /usr/bin/chromium}.
 */
public final class MatrixInChromium {

    private MatrixInChromium() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "reports/conformance").toAbsolutePath();
        Path page = folder.resolve("matrix.html");
        JsonNode matrix = new ObjectMapper().readTree(folder.resolve("matrix.json").toFile());
        Path profile = Files.createTempDirectory("chromium-profile");
        Path screenshot = Path.of("target", "matrix.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        String dom = chromium(profile, "--dump-dom", page.toUri().toString());
        chromium(profile, "--screenshot=" + screenshot, "--window-size=1600,1400", page.toUri().toString());
        List<String> problems = new ArrayList<>();
        int badges = count(dom, Pattern.compile("class=\"badge (conforms|differs|not-exercised)( single)?( live)?\" href="));
        int single = count(dom, Pattern.compile("class=\"badge (conforms|differs|not-exercised) single( live)?\" href="));
        if (!dom.contains("<table id=\"grid\">")) {
            problems.add("no grid in the DOM Chromium built");
        }
        if (badges != matrix.path("cells").size()) {
            problems.add("the grid shows " + badges + " badges for " + matrix.path("cells").size() + " cells");
        }
        if (single != matrix.path("summary").path("singleScenarioCells").asInt()) {
            problems.add("the grid draws " + single + " badges hollow for " + matrix.path("summary")
                    .path("singleScenarioCells").asInt() + " cells a single scenario backs");
        }
        if (!Files.exists(screenshot) || Files.size(screenshot) < 10_000) {
            problems.add("no screenshot written to " + screenshot);
        }
        System.out.println("Chromium rendered " + page + ": " + badges + " cell badges, "
                + count(dom, Pattern.compile("<td class=\"empty\">")) + " empty grid cells, " + single
                + " hollow (a single scenario); screenshot " + screenshot);
        if (!problems.isEmpty()) {
            System.err.println("matrix page check failed: " + String.join("; ", problems));
            System.exit(1);
        }
    }

    private static String chromium(Path profile, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("chromium " + String.join(" ", options) + " failed");
        }
        return out;
    }

    private static int count(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

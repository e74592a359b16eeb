package dev.dataversebdd.report;

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
 * Opens Cucumber's HTML report in a real browser, Debian's headless Chromium, from disk, and reads the text a person
 * sees: every feature is titled by its path in the project (no {@code file:///}), and every description of
 * {@code cucumber.json} shows in full (a {@code <row URL>} that Markdown took for a tag would be missing). Documented
 * in reports/README.md; run it after the suite with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dataversebdd.report.CucumberHtmlInChromium}
 * ({@code -Dexec.args=<folder>} for another folder than reports/cucumber). Needs {@code /usr/bin/chromium}.
 */
public final class CucumberHtmlInChromium {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b.*?</\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private CucumberHtmlInChromium() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "reports/cucumber").toAbsolutePath();
        Path page = folder.resolve("cucumber.html");
        JsonNode features = new ObjectMapper().readTree(folder.resolve("cucumber.json").toFile());
        String dom = chromium(Files.createTempDirectory("chromium-profile"), page.toUri().toString());
        String shown = visibleText(dom);
        String shownTight = shown.replaceAll("\\s+", "");
        List<String> problems = new ArrayList<>();
        if (shown.contains("file:///")) {
            problems.add("the page shows a file:/// URI");
        }
        int descriptions = 0;
        for (JsonNode feature : features) {
            String path = feature.path("uri").asText().replaceFirst("^file:", "");
            if (!shown.contains(path)) {
                problems.add("no title " + path);
            }
            List<JsonNode> described = new ArrayList<>(List.of(feature));
            feature.path("elements").forEach(described::add);
            for (JsonNode element : described) {
                String description = element.path("description").asText();
                if (!description.isBlank()) {
                    descriptions++;
                    if (!shownTight.contains(description.replace("`", "").replaceAll("\\s+", ""))) {
                        problems.add(path + ":" + element.path("line").asText("1") + ": the description does not show "
                                + "in full");
                    }
                }
            }
        }
        System.out.println("Chromium rendered " + page + ": " + features.size() + " features titled by their path, "
                + descriptions + " descriptions checked");
        if (!problems.isEmpty()) {
            System.err.println("Cucumber HTML check failed: " + String.join("; ", problems));
            System.exit(1);
        }
    }

    /** The text of the DOM Chromium built, without its scripts and styles. */
    static String visibleText(String dom) {
        String text = TAG.matcher(SCRIPT_OR_STYLE.matcher(dom).replaceAll(" ")).replaceAll(" ");
        Matcher entity = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        entity.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }

    private static String chromium(Path profile, String url) throws Exception {
        List<String> command = List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000", "--dump-dom", url);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("chromium --dump-dom " + url + " failed");
        }
        return out;
    }
}

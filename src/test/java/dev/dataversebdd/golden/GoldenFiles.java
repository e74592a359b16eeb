package dev.dataversebdd.golden;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failure messages are a product surface: tests pin them to files in src/test/resources/golden/, with what changes
 * from run to run (ports, GUIDs, timings, row versions, run tags) normalised. After an intended change, rewrite them
 * with {@code -Dgolden.update=true} and review the diff.
 */
public final class GoldenFiles {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private GoldenFiles() {
    }

    public static void assertGolden(String name, String actual) {
        String normalised = normalise(actual) + "\n";
        Path file = Path.of("src/test/resources/golden", name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
            }
            assertThat("golden file " + file + " (rewrite with -Dgolden.update=true after an intended change)", normalised,
                    equalTo(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String text) {
        String result = text.replaceAll("(127\\.0\\.0\\.1|localhost):\\d+", "$1:PORT")
                .replaceAll("\\(\\d+ ms\\)", "(n ms)")
                .replaceAll("W/(\\\\?)\"\\d+(\\\\?)\"", "W/$1\"n$2\"")
                .replaceAll("\"versionnumber\":\\d+", "\"versionnumber\":n")
                .replaceAll("dvbdd-\\d{8}T\\d{6}Z-[0-9a-f]+", "dvbdd-RUN")
                .replaceAll("MetadataCachePrivilegesCount=\\d+", "MetadataCachePrivilegesCount=n");
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = GUID.matcher(result);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group().toLowerCase(), k -> "<id-" + (ids.size() + 1) + ">");
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }
}

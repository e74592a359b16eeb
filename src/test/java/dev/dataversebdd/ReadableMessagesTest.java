package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Messages print the same under any locale: every string literal in the main code is plain ASCII (a POSIX terminal
 * shows '?' for '…' or '→').
 */
class ReadableMessagesTest {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void should_write_every_message_in_plain_ascii() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher literal = STRING_LITERAL.matcher(code);
                    while (literal.find()) {
                        if (literal.group().chars().anyMatch(c -> c > 127)) {
                            offenders.add(file + ":" + (i + 1) + " " + literal.group());
                        }
                    }
                }
            }
        }
        assertThat(offenders, empty());
    }
}

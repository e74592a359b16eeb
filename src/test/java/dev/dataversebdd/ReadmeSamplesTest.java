package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README samples never rot: every ```java block of the README must stand verbatim in a test that compiles and
 * runs it from outside the library's packages (the tests in com.example.consumer), so only the public API, and the two set-up commands must be the ones CI runs.
 */
class ReadmeSamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void should_find_every_java_sample_of_the_readme_in_a_running_test() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        StringBuilder consumerTests = new StringBuilder();
        try (var files = Files.list(Path.of("src/test/java/com/example/consumer"))) {
            for (Path file : files.sorted().toList()) {
                consumerTests.append(Files.readString(file)).append('\n');
            }
        }
        String usage = normalise(consumerTests.toString());
        List<String> samples = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            samples.add(m.group(1));
        }
        assertThat(samples, not(empty()));
        for (String sample : samples) {
            if (sample.contains("@Suite")) {
                continue; // the consumer's suite class: src/it/consumer-from-readme copies and runs it
            }
            assertThat(usage, containsString(normalise(sample)));
        }
    }

    @Test
    void should_run_the_readme_test_command_in_ci() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertThat(readme, containsString("mvn -B verify                 # tests"));
        assertThat(readme, containsString("mvn -B -Pconformance verify   # main job"));
        assertThat(ci, containsString("exec mvn -B verify\n"));
    }

    /** Indentation differs between README and test; the code must not. */
    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}

package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README samples never rot: every ```java block of the README is a whole file (package and imports included) that
 * src/it/consumer-from-readme copies verbatim into a consumer project and runs against the installed artefact, failing
 * if one of them ran 0 tests. This test is the fast half: each sample is a whole file that imports every library type
 * it names; and the two set-up commands must be the ones CI runs.
 */
class ReadmeSamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");

    @Test
    void should_write_every_java_sample_as_a_whole_file_that_imports_each_library_type_it_uses() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> libraryTypes = libraryTypeNames();
        List<String> samples = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            samples.add(m.group(1));
        }
        assertThat(samples, not(empty()));
        for (String sample : samples) {
            assertThat(sample, startsWith("package com.example.tests;\n"));
            Matcher words = WORD.matcher(sample.replaceAll("(?m)^import .*$", ""));
            while (words.find()) {
                String word = words.group();
                if (libraryTypes.contains(word) && !sample.matches("(?s).*\\bclass " + word + "\\b.*")) {
                    assertThat("the README sample naming " + word + " imports it", sample,
                            containsString("." + word + ";\n"));
                }
            }
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

    /** The simple names of the library's types, from its sources. */
    private static Set<String> libraryTypeNames() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/dataversebdd"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).collect(Collectors.toSet());
        }
    }
}

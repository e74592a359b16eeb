package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.targets.ConfigurationException;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The categories of Allure's Categories tab, matched as Allure 2 matches them (its {@code CategoriesPlugin}: the
 * status is one of the category's, and its message and trace regexes match the whole text with {@code DOTALL}); a
 * failure matched by two categories would be listed under both.
 */
class AllureCategoriesTest {

    @TempDir
    Path folder;

    /** The names of the categories that a result with this status, message and trace is listed under. */
    static List<String> categoriesOf(String status, String message, String trace) {
        List<String> names = new ArrayList<>();
        for (AllureCategories.Category category : AllureCategories.CATEGORIES) {
            if ((status.equals("failed") || status.equals("broken"))
                    && (category.messageRegex() == null || message != null && matches(category.messageRegex(), message))
                    && (category.traceRegex() == null || trace != null && matches(category.traceRegex(), trace))) {
                names.add(category.name());
            }
        }
        return names;
    }

    private static boolean matches(String regex, String text) {
        return Pattern.compile(regex, Pattern.DOTALL).matcher(text).matches();
    }

    /** As Allure's adapters report a throwable: failed for an assertion, broken otherwise; the message; the trace. */
    private static List<String> categoriesOf(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return categoriesOf(failure instanceof AssertionError ? "failed" : "broken", failure.getMessage(),
                trace.toString());
    }

    /** A golden failure message, as the DSL wrote it (the file adds a final line break). */
    private static String golden(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/golden", name)).stripTrailing();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void should_file_each_golden_failure_under_exactly_the_category_meant_for_it() {
        Map<String, Throwable> failures = new java.util.TreeMap<>();
        for (String assertion : List.of("associate-misspelt-navigation", "dataverse-error", "raw-patch-misspelt-bind",
                "read-back-collection", "read-back-lookup", "read-back-parties", "retried-429", "wrong-error-code",
                "wrong-status")) {
            failures.put(assertion, new AssertionFailedError(golden(assertion + ".txt")));
        }
        failures.put("live-refusal", new dev.dataversebdd.dsl.RefusedRequest("PATCH", "opportunities(<id-1>)",
                "live org http://127.0.0.1:PORT (api v9.2)", golden("live-refusal.txt").replaceFirst(".*?: ", "")));
        failures.put("misspelt-alias", new IllegalArgumentException(golden("misspelt-alias.txt")));
        Map<String, List<String>> filed = new java.util.TreeMap<>();
        failures.forEach((name, failure) -> filed.put(name, categoriesOf(failure)));
        assertThat(failures.get("live-refusal").getMessage(), equalTo(golden("live-refusal.txt")));
        assertThat(filed, equalTo(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("wrong-status", List.of("Wrong status")),
                Map.entry("associate-misspelt-navigation", List.of("Dataverse error")),
                Map.entry("dataverse-error", List.of("Dataverse error")),
                Map.entry("raw-patch-misspelt-bind", List.of("Dataverse error")),
                Map.entry("retried-429", List.of("Dataverse error")),
                Map.entry("wrong-error-code", List.of("Dataverse error")),
                Map.entry("read-back-collection", List.of("Read-back mismatch")),
                Map.entry("read-back-lookup", List.of("Read-back mismatch")),
                Map.entry("read-back-parties", List.of("Read-back mismatch")),
                Map.entry("live-refusal", List.of("Live-safety refusal")),
                Map.entry("misspelt-alias", List.of("Other failures"))))));
    }

    @Test
    void should_file_a_configuration_error_under_configuration() {
        // GIVEN the error a live run without its URL stops with
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> Targets.fromConfiguration(
                new Settings(Map.of("dataverse.target", "live")::get, Map.of())));
        // WHEN it is filed, as it is and as the cause of another error
        List<String> filed = categoriesOf(missing);
        List<String> filedAsCause = categoriesOf(new IllegalStateException("cannot connect", missing));
        // THEN it is a configuration failure, and nothing else
        assertThat(filed, contains("Configuration"));
        assertThat(filedAsCause, contains("Configuration"));
    }

    @Test
    void should_file_a_failure_without_a_known_first_line_under_other_failures_only() {
        assertThat(categoriesOf(new AssertionFailedError("expected: <1> but was: <2>")), contains("Other failures"));
        assertThat(categoriesOf(new IllegalStateException("no request has been made yet in this scenario")),
                contains("Other failures"));
        assertThat(categoriesOf(new AssertionFailedError("create failed: expected OData-EntityId but was neither")),
                contains("Other failures"));
    }

    @Test
    void should_file_no_test_that_passed_or_was_skipped() {
        assertThat(categoriesOf("passed", "fine", "fine"), empty());
        assertThat(categoriesOf("skipped", "@emulator-only: skipped", "trace"), empty());
    }

    @Test
    void should_write_the_categories_as_allure_reads_them() throws IOException {
        // WHEN the categories are written into an empty results folder
        AllureCategories.write(folder);
        // THEN categories.json lists each category with its regexes and the statuses it takes
        JsonNode written = new ObjectMapper().readTree(folder.resolve("categories.json").toFile());
        assertThat(written.size(), equalTo(AllureCategories.CATEGORIES.size()));
        assertThat(written.get(0).path("name").asText(), equalTo("Wrong status"));
        assertThat(written.get(0).path("messageRegex").asText(), equalTo(AllureCategories.CATEGORIES.get(0).messageRegex()));
        assertThat(written.get(0).path("matchedStatuses").toString(), equalTo("[\"failed\",\"broken\"]"));
        assertThat(written.get(4).path("traceRegex").asText(), equalTo(AllureCategories.CATEGORIES.get(4).traceRegex()));
    }

    @Test
    void should_keep_a_projects_own_categories_and_replace_its_own() throws IOException {
        // GIVEN a project's own categories.json, and in another folder the file of an older run of this library
        Files.writeString(folder.resolve("categories.json"), "[{\"name\":\"Ours\",\"matchedStatuses\":[\"failed\"]}]");
        Path older = Files.createDirectories(folder.resolve("older"));
        Files.writeString(older.resolve("categories.json"), "[{\"name\":\"Old\",\"description\":\"dataverse-bdd: old\"}]");
        // WHEN the categories are written into both
        AllureCategories.write(folder);
        AllureCategories.write(older);
        // THEN the project's file stays, and the older one is replaced
        assertThat(Files.readString(folder.resolve("categories.json")), equalTo(
                "[{\"name\":\"Ours\",\"matchedStatuses\":[\"failed\"]}]"));
        assertThat(Files.readString(older.resolve("categories.json")), equalTo(AllureCategories.json()));
    }

    @Test
    void should_write_the_categories_into_the_results_folder_when_allure_starts_a_test() throws IOException {
        // GIVEN the listener Allure loads, and a results folder that is configured
        List<TestLifecycleListener> listeners = new ArrayList<>();
        ServiceLoader.load(TestLifecycleListener.class).forEach(listeners::add);
        Path results = folder.resolve("results");
        String before = System.getProperty("allure.results.directory");
        System.setProperty("allure.results.directory", results.toString());
        try {
            // WHEN Allure schedules a test
            listeners.forEach(listener -> listener.beforeTestSchedule(new TestResult()));
        } finally {
            if (before == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", before);
            }
        }
        // THEN this library's listener was among them, and the folder has the categories
        assertThat(listeners.stream().map(Object::getClass).toList(), hasItem(AllureCategories.class));
        assertThat(Files.readString(results.resolve("categories.json")), equalTo(AllureCategories.json()));
        assertThat(listeners.get(0), instanceOf(TestLifecycleListener.class));
    }
}

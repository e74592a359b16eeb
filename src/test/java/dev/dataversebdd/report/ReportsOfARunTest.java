package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The reports of one real run, as a team gets them: a feature of {@code features/} and a few failing scenarios,
 * through Cucumber on the JUnit Platform with Allure's Cucumber plugin, Cucumber's JSON and this library's HTML
 * report. Every exchange is in each report once; features are named by their path in the project; each failure
 * lands in the Allure category meant for it.
 */
class ReportsOfARunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXCHANGE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) \\S.* -> \\d{3}( .*)?");
    private static final String FEATURE = "features/associate/one-to-many.feature";

    @TempDir
    static Path folder;

    private static Path results;

    @BeforeAll
    static void run() throws IOException {
        // the failing scenarios are a feature of the project too (under target/), so that the page names them by path
        Path failing = Files.createDirectories(Path.of("target", "reports-of-a-run")).resolve("failing.feature");
        Files.writeString(failing, """
                Feature: failures a tester filters on
                  Background:
                    Given an account "Contoso"
                    And an opportunity "Big deal"

                  Scenario: a wrong status
                    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
                    Then the request fails with 400

                  Scenario: a Dataverse error
                    When I send POST "accounts({Contoso})/opportunity_customer_acounts/$ref" with body:
                      \"""
                      {"@odata.id":"{host}/api/data/v9.2/opportunities({Big deal})"}
                      \"""
                    Then the request succeeds with 204 No Content

                  Scenario: a read-back mismatch
                    Then the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"
                """);
        results = folder.resolve("allure-results");
        AllureLifecycle before = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try {
            LauncherFactory.create().execute(request().selectors(selectFile(FEATURE), selectFile(failing.toFile()))
                    .filters(includeEngines("cucumber"))
                    .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                    .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines, "
                            + "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm, "
                            + "dev.dataversebdd.report.CucumberHtml:" + folder.resolve("cucumber.html") + ", "
                            + "json:" + folder.resolve("cucumber.json")).build(), new SummaryGeneratingListener());
        } finally {
            Allure.setLifecycle(before);
        }
    }

    @Test
    void should_have_run_scenarios_that_passed_and_failed() throws IOException {
        // WHEN the results are read
        List<String> statuses = results("-result.json").stream().map(r -> r.path("status").asText()).toList();
        // THEN the features ran, so that the checks above looked at something
        assertThat(statuses, hasItem("passed"));
        assertThat(statuses.stream().filter("failed"::equals).count(), equalTo(3L));
    }

    @Test
    void should_attach_each_exchange_to_allure_once() throws IOException {
        // WHEN the run's Allure results and Cucumber's JSON are read
        List<String> allure = exchangesInAllure();
        List<String> cucumber = exchangesInCucumberJson();
        // THEN Allure holds exactly the exchanges Cucumber's report holds, none twice
        assertThat(cucumber.size(), greaterThan(20));
        assertThat(counted(allure), equalTo(counted(cucumber)));
    }

    @Test
    void should_reference_every_attachment_file_once() throws IOException {
        // WHEN the attachments the results name are compared with the files in the folder
        List<String> named = attachmentsInAllure().stream().map(a -> a.path("source").asText()).toList();
        Set<String> files;
        try (Stream<Path> list = Files.list(results)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.contains("-attachment"))
                    .collect(Collectors.toSet());
        }
        // THEN each file is named by one attachment, and each attachment has its file
        assertThat(named.size(), equalTo(Set.copyOf(named).size()));
        assertThat(Set.copyOf(named), equalTo(files));
    }

    @Test
    void should_show_each_exchange_once_in_cucumbers_html() throws IOException {
        // WHEN the HTML report's messages are read
        List<String> html = new ArrayList<>();
        for (JsonNode message : htmlMessages()) {
            JsonNode attachment = message.path("attachment");
            if (EXCHANGE.matcher(attachment.path("fileName").asText()).matches()) {
                html.add(attachment.path("fileName").asText() + "\n" + attachment.path("body").asText());
            }
        }
        // THEN they hold the exchanges Cucumber's JSON holds, once each
        assertThat(counted(html), equalTo(counted(exchangesInCucumberJson())));
    }

    @Test
    void should_name_features_by_their_path_in_the_project() throws IOException {
        // WHEN the HTML report is read
        String page = Files.readString(folder.resolve("cucumber.html"), StandardCharsets.UTF_8);
        List<String> documents = htmlMessages().stream().map(m -> m.path("gherkinDocument").path("uri"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).toList();
        // THEN features of the project are named by their path in it, and nothing is an absolute file URI
        assertThat(documents, containsInAnyOrder(FEATURE, "target/reports-of-a-run/failing.feature"));
        assertThat(page, not(containsString("file:///")));
    }

    @Test
    void should_file_each_failure_under_the_category_meant_for_it() throws IOException {
        // WHEN the failed scenarios' results are matched with the categories, as Allure matches them
        Map<String, List<String>> categoriesByScenario = new TreeMap<>();
        for (JsonNode result : results("-result.json")) {
            if (!result.path("status").asText().equals("passed")) {
                categoriesByScenario.put(result.path("name").asText(), AllureCategoriesTest.categoriesOf(
                        result.path("status").asText(), result.path("statusDetails").path("message").asText(null),
                        result.path("statusDetails").path("trace").asText(null)));
            }
        }
        // THEN each one is in its category, and only in it
        assertThat(categoriesByScenario, equalTo(Map.of("a wrong status", List.of("Wrong status"),
                "a Dataverse error", List.of("Dataverse error"), "a read-back mismatch", List.of("Read-back mismatch"))));
    }

    private static List<String> exchangesInAllure() throws IOException {
        List<String> exchanges = new ArrayList<>();
        for (JsonNode attachment : attachmentsInAllure()) {
            if (EXCHANGE.matcher(attachment.path("name").asText()).matches()) {
                exchanges.add(attachment.path("name").asText() + "\n"
                        + Files.readString(results.resolve(attachment.path("source").asText()), StandardCharsets.UTF_8));
            }
        }
        return exchanges;
    }

    /** Every attachment of every test, step and fixture (Cucumber's hooks are Allure fixtures, in containers). */
    private static List<JsonNode> attachmentsInAllure() throws IOException {
        List<JsonNode> attachments = new ArrayList<>();
        for (JsonNode result : results("-result.json")) {
            collect(result, "attachments", attachments);
        }
        for (JsonNode container : results("-container.json")) {
            collect(container, "attachments", attachments);
        }
        return attachments;
    }

    private static List<String> exchangesInCucumberJson() throws IOException {
        List<JsonNode> embeddings = new ArrayList<>();
        collect(JSON.readTree(folder.resolve("cucumber.json").toFile()), "embeddings", embeddings);
        return embeddings.stream().filter(e -> EXCHANGE.matcher(e.path("name").asText()).matches())
                .map(e -> e.path("name").asText() + "\n"
                        + new String(Base64.getDecoder().decode(e.path("data").asText()), StandardCharsets.UTF_8))
                .toList();
    }

    /** The messages embedded in the page, which writes each {@code <} as {@code \x3C}. */
    private static List<JsonNode> htmlMessages() throws IOException {
        String page = Files.readString(folder.resolve("cucumber.html"), StandardCharsets.UTF_8);
        int start = page.indexOf("window.CUCUMBER_MESSAGES = ") + "window.CUCUMBER_MESSAGES = ".length();
        String messages = page.substring(start, page.indexOf("];\n</script>", start) + 1).replace("\\x3C", "\\u003C");
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(messages).forEach(list::add);
        return list;
    }

    private static List<JsonNode> results(String ending) throws IOException {
        List<JsonNode> read = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(ending)).toList()) {
                read.add(JSON.readTree(file.toFile()));
            }
        }
        return read;
    }

    private static void collect(JsonNode node, String field, List<JsonNode> into) {
        if (node.isObject()) {
            node.path(field).forEach(into::add);
            node.properties().stream().filter(entry -> !entry.getKey().equals(field))
                    .forEach(entry -> collect(entry.getValue(), field, into));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, into));
        }
    }

    /** How often each item occurs. */
    private static Map<String, Integer> counted(List<String> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return new TreeMap<>(counts);
    }
}

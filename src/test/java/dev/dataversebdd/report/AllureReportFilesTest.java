package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the main job adds to Allure's results: the run's environment, and the last report's history. */
class AllureReportFilesTest {

    @TempDir
    Path folder;

    @Test
    void should_write_the_environment_as_allure_reads_it_with_secrets_masked() throws IOException {
        // GIVEN facts about a target, one with non-ASCII text and one that a careless target filled with a secret
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Target", "live org");
        facts.put("Org host", "contoso-entwicklung-ä.crm4.dynamics.com");
        facts.put("Note", "token s3cr3t-token-value-42");
        Path file = folder.resolve("results/environment.properties");
        // WHEN the run describes itself to the Allure results folder it was given
        String before = System.getProperty("allure.results.directory");
        System.setProperty("allure.results.directory", folder.resolve("results").toString());
        try {
            AllureEnvironment.describe(facts, Redactor.withSecrets(List.of("s3cr3t-token-value-42")));
        } finally {
            if (before == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", before);
            }
        }
        // THEN Allure's reader (java.util.Properties, ISO-8859-1) gets every fact back, and never the secret
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertThat(read.getProperty("Org host"), equalTo("contoso-entwicklung-ä.crm4.dynamics.com"));
        assertThat(read.getProperty("Target"), equalTo("live org"));
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1), not(containsString("s3cr3t-token-value-42")));
    }

    @Test
    void should_carry_the_history_embedded_in_the_last_report() throws IOException {
        // GIVEN a single-file report embedding two history files and a widget
        String trend = "[{\"data\":{\"passed\":141,\"total\":141}}]";
        String history = "{\"abc\":{\"items\":[]}}";
        Path report = folder.resolve("index.html");
        Files.writeString(report, "<script>d('widgets/summary.json','" + base64("{}") + "');"
                + "d('history/history-trend.json','" + base64(trend) + "');"
                + "d('history/history.json','" + base64(history) + "');</script>");
        // WHEN the history is carried into new results
        int carried = AllureHistory.carry(report, folder.resolve("results"));
        // THEN the history files, and only they, are there, decoded
        assertThat(carried, equalTo(2));
        assertThat(Files.readString(folder.resolve("results/history/history-trend.json")), equalTo(trend));
        assertThat(Files.readString(folder.resolve("results/history/history.json")), equalTo(history));
        assertThat(Files.exists(folder.resolve("results/history/summary.json")), equalTo(false));
    }

    @Test
    void should_carry_nothing_on_a_first_run() {
        assertThat(AllureHistory.carry(folder.resolve("no-report/index.html"), folder.resolve("results")), equalTo(0));
        assertThat(Files.exists(folder.resolve("results/history")), equalTo(false));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

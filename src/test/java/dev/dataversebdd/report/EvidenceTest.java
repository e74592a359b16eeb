package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each exchange reaches every report once, with Allure's Cucumber plugin or without it, in a scenario or not. */
class EvidenceTest {

    private static final RecordedExchange EXCHANGE = new RecordedExchange("POST", "http://127.0.0.1:5555",
            "/api/data/v9.2/accounts(1)/opportunity_customer_accounts/$ref", Map.of("Authorization", "Bearer abc.def"),
            "{}", 204, Map.of(), "", 3);

    private final List<String> scenario = new ArrayList<>();

    /** The attachments the running Allure test got while {@code run} ran, as Allure writes them. */
    private static List<String> allureAttachmentsOf(Consumer<Evidence> run, Evidence evidence) {
        List<TestResult> written = new ArrayList<>();
        AllureLifecycle before = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new InMemory(written));
        Allure.setLifecycle(lifecycle);
        try {
            lifecycle.scheduleTestCase(new TestResult().setUuid("t1").setName("a test"));
            lifecycle.startTestCase("t1");
            run.accept(evidence);
            lifecycle.stopTestCase("t1");
            lifecycle.writeTestCase("t1");
        } finally {
            Allure.setLifecycle(before);
        }
        return written.get(0).getAttachments().stream().map(Attachment::getName).toList();
    }

    @Test
    void should_attach_each_exchange_to_the_running_allure_test_outside_a_scenario() {
        // GIVEN evidence without a scenario, as in a JUnit 5 test with @DataverseTest
        Evidence evidence = new Evidence(Redactor.standard(), true);
        // WHEN an exchange is recorded in a running Allure test
        List<String> attached = allureAttachmentsOf(e -> e.accept(EXCHANGE), evidence);
        // THEN Allure has it, once
        assertThat(attached, contains("POST v9.2/accounts(1)/opportunity_customer_accounts/$ref -> 204 No Content"));
    }

    @Test
    void should_leave_allure_to_the_cucumber_plugin_when_it_hears_the_scenario() {
        // GIVEN evidence sent to a Cucumber scenario, with Allure's Cucumber plugin present
        Evidence evidence = new Evidence(Redactor.standard(), true);
        evidence.toScenario((name, text) -> scenario.add(name));
        // WHEN an exchange is recorded in a running Allure test
        List<String> attached = allureAttachmentsOf(e -> e.accept(EXCHANGE), evidence);
        // THEN the scenario has it, and Allure gets it only from the scenario (through the plugin), not from here
        assertThat(scenario, contains("POST v9.2/accounts(1)/opportunity_customer_accounts/$ref -> 204 No Content"));
        assertThat(attached, empty());
    }

    @Test
    void should_attach_to_allure_and_to_the_scenario_when_allure_does_not_hear_the_scenario() {
        // GIVEN evidence sent to a Cucumber scenario, without Allure's Cucumber plugin
        Evidence evidence = new Evidence(Redactor.standard(), false);
        evidence.toScenario((name, text) -> scenario.add(name));
        // WHEN an exchange is recorded in a running Allure test (another Allure adapter's)
        List<String> attached = allureAttachmentsOf(e -> e.accept(EXCHANGE), evidence);
        // THEN each report has it once
        assertThat(attached.size(), equalTo(1));
        assertThat(scenario.size(), equalTo(1));
    }

    @Test
    void should_attach_to_allure_and_to_another_sink() {
        // GIVEN evidence also sent to a sink that is not a scenario (a log)
        Evidence evidence = new Evidence(Redactor.standard(), true);
        List<String> texts = new ArrayList<>();
        evidence.alsoTo((name, text) -> texts.add(text));
        // WHEN an exchange is recorded in a running Allure test
        List<String> attached = allureAttachmentsOf(e -> e.accept(EXCHANGE), evidence);
        // THEN both have it, redacted
        assertThat(attached.size(), equalTo(1));
        assertThat(texts.get(0).contains("Authorization: Bearer ***"), equalTo(true));
    }

    private record InMemory(List<TestResult> results) implements AllureResultsWriter {

        @Override
        public void write(TestResult testResult) {
            results.add(testResult);
        }

        @Override
        public void write(TestResultContainer testResultContainer) {
        }

        @Override
        public void write(String source, InputStream attachment) {
        }
    }
}

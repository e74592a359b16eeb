package dev.dataversebdd.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The step library as a team runs it: feature files through Cucumber on the JUnit Platform. */
class GherkinRunTest {

    @TempDir
    Path folder;

    private TestExecutionSummary run(String feature) throws Exception {
        Path file = folder.resolve("x.feature");
        Files.writeString(file, feature);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectFile(file.toFile())).filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.plugin", "dev.dataversebdd.steps.StepLines, json:"
                        + folder.resolve("cucumber.json")).build(), listener);
        return listener.getSummary();
    }

    @Test
    void should_attach_every_exchange_to_cucumbers_own_report() throws Exception {
        // WHEN a scenario associates through the glue
        TestExecutionSummary summary = run("""
                Feature: evidence
                  Scenario: an associate
                    Given an account "Contoso"
                    And an opportunity "Big deal"
                    When opportunity "Big deal" is added to the opportunity_customer_accounts of account "Contoso"
                    Then the request succeeds with 204 No Content
                """);
        // THEN every exchange is attached to Cucumber's own report
        assertThat(summary.getTotalFailureCount(), equalTo(0L));
        String report = Files.readString(folder.resolve("cucumber.json"));
        assertThat(report, containsString("\"embeddings\""));
        assertThat(report, containsString("\"name\":\"POST v9.2/accounts -> 204 No Content\""));
        assertThat(report, containsString("/opportunity_customer_accounts/$ref -> 204 No Content"));
    }

    private static List<String> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getException().getMessage()).toList();
    }

    @Test
    void should_name_the_line_of_the_failing_step_not_of_the_scenario() throws Exception {
        // WHEN a read-back step fails
        TestExecutionSummary summary = run("""
                Feature: lines
                  Scenario: a read-back that fails
                    Given an account "Contoso"
                    And an opportunity "Big deal"
                    Then the opportunity_customer_accounts of account "Contoso" contain opportunity "Big deal"
                """);
        // THEN the failure names the failing step's line
        assertThat(failures(summary).size(), equalTo(1));
        assertThat(failures(summary).get(0), containsString("step:    " + folder.resolve("x.feature") + ":5"));
    }

    @Test
    void should_keep_an_account_and_a_contact_of_the_same_name_apart() throws Exception {
        // WHEN an account and a contact share an alias
        TestExecutionSummary summary = run("""
                Feature: aliases
                  Scenario: two rows called Contoso
                    Given an account "Contoso"
                    And a contact "Contoso"
                    When contact "Contoso" is added to the contact_customer_accounts of account "Contoso"
                    Then the request succeeds with 204 No Content
                    And the parentcustomerid_account of contact "Contoso" is account "Contoso"
                    When I send GET "contacts({contact:Contoso})?$select=_parentcustomerid_value"
                    Then the response JSON "_parentcustomerid_value" is "{account:Contoso}"
                """);
        // THEN each keeps its own row
        assertThat(failures(summary).toString(), summary.getTotalFailureCount(), equalTo(0L));
        assertThat(summary.getTestsSucceededCount(), equalTo(1L));
    }

    @Test
    void should_refuse_a_bare_placeholder_that_names_rows_of_two_tables() throws Exception {
        // WHEN a bare placeholder names rows of two tables
        TestExecutionSummary summary = run("""
                Feature: aliases
                  Scenario: ambiguous
                    Given an account "Contoso"
                    And a contact "Contoso"
                    When I send GET "accounts({Contoso})"
                """);
        // THEN the failure says which and how to say it
        assertThat(failures(summary).get(0), containsString("\"Contoso\" names 2 rows: [account \"Contoso\", contact "
                + "\"Contoso\"]; say which, e.g. {account:Contoso}"));
    }

    @Test
    void should_refuse_a_step_whose_rows_are_swapped_before_anything_is_sent() throws Exception {
        // WHEN a step names the navigation property of one row on the other
        TestExecutionSummary summary = run("""
                Feature: swapped rows
                  Scenario: the account added to the opportunity
                    Given an account "Contoso"
                    And an opportunity "Big deal"
                    When account "Contoso" is added to the opportunity_customer_accounts of opportunity "Big deal"
                  Scenario: a lookup read on the wrong row
                    Given an account "Contoso"
                    Then the customerid_account of account "Contoso" is empty
                  Scenario: a lookup of another table
                    Given an account "Contoso"
                    And a contact "Ann"
                    When the primarycontactid of contact "Ann" is set to account "Contoso"
                """);
        // THEN each fails naming the table that has it, or the closest name of the row's own table
        assertThat(failures(summary), equalTo(List.of(
                "opportunity has no navigation property 'opportunity_customer_accounts', so opportunity \"Big deal\" "
                        + "cannot have one; account has it: are two rows of the sentence swapped?",
                "account has no navigation property 'customerid_account', so account \"Contoso\" cannot have one; "
                        + "opportunity has it: are two rows of the sentence swapped?",
                "contact has no navigation property 'primarycontactid', so contact \"Ann\" cannot have one; "
                        + "account has it: are two rows of the sentence swapped?")));
    }

    @Test
    void should_stop_the_run_once_on_a_configuration_error() throws Exception {
        // GIVEN live mode without the settings it needs
        System.setProperty("dataverse.target", "live");
        TestExecutionSummary summary;
        try {
            // WHEN three scenarios run
            summary = run("""
                    Feature: three scenarios that cannot run
                      Scenario: one
                        Given an account "A"
                      Scenario: two
                        Given an account "B"
                      Scenario: three
                        Given an account "C"
                    """);
        } finally {
            System.clearProperty("dataverse.target");
        }
        // THEN no scenario starts, and the configuration error is said once
        assertThat(summary.getTestsStartedCount(), equalTo(0L));
        assertThat(failures(summary).size(), equalTo(1));
        assertThat(failures(summary).get(0), containsString("Missing setting dataverse.url"));
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Page results using OData" (Q2) and paging of expanded collections ("Join tables using OData", Q1). */
class PagingTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_link_each_expanded_collection_of_an_entity_set_query_with_its_own_options_and_no_paging() {
        // GIVEN two accounts, the first with three tasks
        UUID litware = dv.create("accounts", "{\"name\":\"Litware\"}");
        dv.create("accounts", "{\"name\":\"Adventure Works\"}");
        for (int i = 1; i <= 3; i++) {
            dv.create("tasks", "{\"subject\":\"Task " + i + "\",\"regardingobjectid_account_task@odata.bind\":\"/accounts("
                    + litware + ")\"}");
        }
        // WHEN the accounts are queried a page of one at a time, with a single-level expand of their tasks
        EmulatorResponse page = dv.send("GET", "accounts?$select=name&$filter=name%20eq%20'Litware'"
                + "&$expand=Account_Tasks($select=subject)", null, "Prefer", "odata.maxpagesize=1");
        JsonNode account = ServiceDriver.json(page).path("value").get(0);
        // THEN every task is inline (no paging of expanded rows) and beside them is the collection's own URL, with the
        // expand's options and no $skiptoken (Q1's example)
        assertThat(account.path("Account_Tasks").size(), equalTo(3));
        String link = account.path("Account_Tasks@odata.nextLink").asText();
        assertThat(link, equalTo("http://localhost/api/data/v9.2/accounts(" + litware + ")/Account_Tasks?$select=subject"));
        // AND following it returns the same rows
        assertThat(dv.json("GET", link.substring("http://localhost".length())).path("value").size(), equalTo(3));
        // AND a single row's GET carries no such link
        assertThat(dv.json("GET", "accounts(" + litware + ")?$expand=Account_Tasks($select=subject)")
                .has("Account_Tasks@odata.nextLink"), equalTo(false));
    }

    @Test
    void should_ignore_top_when_a_page_size_is_asked_for_and_refuse_skip() {
        for (int i = 0; i < 5; i++) {
            dv.create("accounts", "{\"name\":\"A" + i + "\"}");
        }
        // "If you include both, $top is ignored." (Q2)
        EmulatorResponse both = dv.send("GET", "accounts?$select=name&$top=1", null, "Prefer", "odata.maxpagesize=2");
        assertThat(ServiceDriver.json(both).path("value").size(), equalTo(2));
        assertThat(ServiceDriver.json(both).has("@odata.nextLink"), equalTo(true));
        assertThat(dv.json("GET", "accounts?$select=name&$top=1").path("value").size(), equalTo(1));
        // "Dataverse doesn't support the $skip query option" (Q2): a Dataverse 400, not a gap of the emulator
        EmulatorResponse skip = dv.send("GET", "accounts?$skip=2", null);
        assertThat(skip.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(skip), containsString("'$skip' is not supported"));
        assertThat(ServiceDriver.errorCode(skip), not(equalTo("EMULATOR_GAP")));
    }

    @Test
    void should_page_expanded_collections_when_a_nested_expand_meets_a_page_size_and_follow_their_links_to_the_end() {
        // GIVEN an account with three tasks and a contact
        UUID litware = dv.create("accounts", "{\"name\":\"Litware\"}");
        for (int i = 1; i <= 3; i++) {
            dv.create("tasks", "{\"subject\":\"Task " + i + "\",\"regardingobjectid_account_task@odata.bind\":\"/accounts("
                    + litware + ")\"}");
        }
        dv.create("contacts", "{\"lastname\":\"Stubberod\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + litware + ")\"}");
        String query = "accounts?$select=name&$expand=Account_Tasks($select=subject),"
                + "contact_customer_accounts($select=lastname;$expand=parentcustomerid_account($select=name))";
        // WHEN the query with a nested $expand asks for pages of one
        JsonNode account = ServiceDriver.json(dv.send("GET", query, null, "Prefer", "odata.maxpagesize=1")).path("value").get(0);
        // THEN each expanded collection holds one row and a link to its next page (Q1, "Nested $expand on
        // collection-valued navigation properties")
        assertThat(account.path("Account_Tasks").size(), equalTo(1));
        String next = account.path("Account_Tasks@odata.nextLink").asText();
        assertThat(next, containsString("/accounts(" + litware + ")/Account_Tasks?$select=subject&$skiptoken="));
        assertThat(account.path("contact_customer_accounts@odata.nextLink").asText(), containsString("$skiptoken="));
        // AND following the links page by page returns every task once
        Set<String> subjects = new TreeSet<>();
        subjects.add(account.path("Account_Tasks").get(0).path("subject").asText());
        while (next != null) {
            JsonNode page = ServiceDriver.json(dv.send("GET", next.substring("http://localhost".length()), null, "Prefer",
                    "odata.maxpagesize=1"));
            page.path("value").forEach(task -> subjects.add(task.path("subject").asText()));
            next = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
        }
        assertThat(subjects, contains("Task 1", "Task 2", "Task 3"));
        // AND without a page size the expanded rows are not paged, and no link is written
        JsonNode unpaged = dv.json("GET", query).path("value").get(0);
        assertThat(unpaged.path("Account_Tasks").size(), equalTo(3));
        assertThat(unpaged.has("Account_Tasks@odata.nextLink"), equalTo(false));
    }
}

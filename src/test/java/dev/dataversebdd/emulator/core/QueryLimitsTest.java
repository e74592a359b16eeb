package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Dataverse's own query limits (Join tables using OData; Page results using OData), so no read can run unbounded. */
class QueryLimitsTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_refuse_more_than_15_expand_options_counting_nested_ones() {
        String sixteen = "Account_Tasks($expand=regardingobjectid_account_task($expand=" + "primarycontactid,".repeat(13)
                + "primarycontactid))";
        EmulatorResponse response = dv.send("GET", "accounts?$expand=" + sixteen, null);
        assertThat(response.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(response), equalTo(
                "The query specifies 16 $expand options; at most 15 are allowed in one query."));
    }

    @Test
    void should_refuse_top_and_orderby_on_a_collection_inside_a_nested_expand_but_apply_top_at_the_first_level() {
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        for (int i = 0; i < 3; i++) {
            dv.create("contacts", "{\"lastname\":\"c" + i + "\",\"parentcustomerid_account@odata.bind\":\"/accounts("
                    + contoso + ")\"}");
        }
        EmulatorResponse nested = dv.send("GET", "contacts?$expand=parentcustomerid_account($expand="
                + "contact_customer_accounts($top=1))", null);
        assertThat(nested.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(nested), containsString("$top is not supported on the collection-valued "
                + "navigation property 'contact_customer_accounts' inside a nested $expand"));
        JsonNode first = dv.json("GET", "accounts(" + contoso + ")?$expand=contact_customer_accounts($select=lastname;$top=2)");
        assertThat(first.path("contact_customer_accounts").size(), equalTo(2));
        assertThat(dv.send("GET", "accounts(" + contoso + ")?$expand=primarycontactid($top=1)", null).status(), equalTo(400));
    }

    @Test
    void should_page_at_the_preferred_size_and_follow_next_links_to_the_end() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ids.add(dv.create("accounts", "{\"name\":\"a" + i + "\"}").toString());
        }
        Set<String> seen = new HashSet<>();
        String next = "accounts?$select=name";
        int pages = 0;
        while (next != null) {
            EmulatorResponse page = dv.send("GET", next, null, "Prefer", "odata.maxpagesize=5");
            assertThat(page.header("Preference-Applied"), equalTo("odata.maxpagesize=5"));
            JsonNode json = ServiceDriver.json(page);
            json.path("value").forEach(row -> seen.add(row.path("accountid").asText()));
            assertThat(json.path("value").size(), lessThan(6));
            next = json.hasNonNull("@odata.nextLink") ? json.path("@odata.nextLink").asText().replace("http://localhost", "") : null;
            pages++;
        }
        assertThat(pages, equalTo(3));
        assertThat(seen, equalTo(ids));
    }

    @Test
    void should_page_at_5000_rows_and_ignore_a_larger_preference() {
        for (int i = 0; i < 5_003; i++) {
            dv.create("accounts", "{\"name\":\"a\"}");
        }
        EmulatorResponse page = dv.send("GET", "accounts?$select=name", null, "Prefer", "odata.maxpagesize=9000");
        JsonNode json = ServiceDriver.json(page);
        assertThat(json.path("value").size(), equalTo(5_000));
        assertThat(json.path("@odata.nextLink").asText(), containsString("$skiptoken=%3Ccookie%20pagenumber%3D%222%22"));
        assertThat(page.header("Preference-Applied"), nullValue());
        assertThat(dv.send("GET", "accounts?$skiptoken=forged", null).status(), equalTo(400));
    }

    /** 2,000 accounts with 50 contacts each: a page of all of them with their contacts is 102,000 rows. */
    private void accountsWithContacts() {
        for (int a = 0; a < 2_000; a++) {
            UUID account = dv.create("accounts", "{\"name\":\"a" + a + "\"}");
            for (int c = 0; c < 50; c++) {
                dv.create("contacts", "{\"lastname\":\"c\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
            }
        }
    }

    @Test
    void should_refuse_a_read_over_the_render_budget_and_keep_writers_answered_during_the_heaviest_allowed_read()
            throws Exception {
        accountsWithContacts();
        String heavy = "accounts?$select=name&$expand=contact_customer_accounts($select=lastname)";
        EmulatorResponse tooBig = dv.send("GET", heavy, null);
        assertThat(tooBig.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(tooBig), containsString("more than 100000 rows"));
        // WHILE the heaviest read the budget allows (1,900 accounts + 95,000 contacts) runs again and again
        UUID target = dv.create("accounts", "{\"name\":\"written\"}");
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                assertThat(dv.send("GET", heavy, null, "Prefer", "odata.maxpagesize=1900").status(), equalTo(200));
                reads.incrementAndGet();
            }
        });
        reader.start();
        long worst = 0;
        try {
            while (reads.get() < 1) {
                Thread.sleep(5);
            }
            // THEN every small write still answers within 2 seconds
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertThat(dv.send("PATCH", "accounts(" + target + ")", "{\"name\":\"w" + i + "\"}", "If-Match", "*").status(),
                        equalTo(204));
                worst = Math.max(worst, (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            reading.set(false);
            reader.join();
        }
        assertThat("worst write latency in ms during the heaviest read", worst, lessThan(2_000L));
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Order rows using OData" (Q4) and "Count rows using OData" (Q5). */
class OrderAndCountTest {

    private final ServiceDriver dv = new ServiceDriver();

    private List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("value").forEach(row -> names.add(row.path("name").asText()));
        return names;
    }

    @Test
    void should_order_by_several_columns_each_ascending_or_descending_with_empty_columns_first_ascending() {
        // GIVEN four accounts, two with the same revenue and one with none
        dv.create("accounts", "{\"name\":\"b\",\"revenue\":10}");
        dv.create("accounts", "{\"name\":\"a\",\"revenue\":10}");
        dv.create("accounts", "{\"name\":\"c\",\"revenue\":30}");
        dv.create("accounts", "{\"name\":\"d\"}");
        // WHEN they are ordered by two keys THEN ties go to the second key, the empty revenue first ascending, last descending
        assertThat(names(dv.json("GET", "accounts?$select=name&$orderby=revenue%20desc,name%20asc")),
                contains("c", "a", "b", "d"));
        assertThat(names(dv.json("GET", "accounts?$select=name&$orderby=revenue,name%20desc")),
                contains("d", "b", "a", "c"));
        assertThat(names(dv.json("GET", "accounts?$select=name&$orderby=name%20desc&$top=2")), contains("d", "c"));
    }

    @Test
    void should_order_by_a_lookup_and_page_through_the_ordered_rows() {
        // GIVEN six contacts, every second one of Contoso
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        for (int i = 5; i >= 0; i--) {
            dv.create("contacts", "{\"lastname\":\"c" + i + "\"" + (i % 2 == 0 ? ",\"parentcustomerid_account@odata.bind\":"
                    + "\"/accounts(" + contoso + ")\"" : "") + "}");
        }
        // WHEN they are read ordered by the lookup then the name, four a page, to the last nextLink
        List<String> seen = new ArrayList<>();
        String next = "contacts?$select=lastname&$orderby=_parentcustomerid_value,lastname";
        while (next != null) {
            JsonNode page = ServiceDriver.json(dv.send("GET", next, null, "Prefer", "odata.maxpagesize=4"));
            page.path("value").forEach(row -> seen.add(row.path("lastname").asText()));
            next = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asText()
                    .substring(page.path("@odata.nextLink").asText().indexOf("contacts")) : null;
        }
        // THEN the contacts without a parent come first, then Contoso's, each group by name
        assertThat(seen, contains("c1", "c3", "c5", "c0", "c2", "c4"));
    }

    @Test
    void should_count_the_matching_rows_irrespective_of_the_page_size() {
        // GIVEN seven accounts
        for (int i = 0; i < 7; i++) {
            dv.create("accounts", "{\"name\":\"a" + i + "\",\"revenue\":" + i + "}");
        }
        // WHEN five of them are counted, two a page THEN the count is five, and no annotation was asked for
        JsonNode page = ServiceDriver.json(dv.send("GET", "accounts?$select=name&$count=true&$filter=revenue%20ge%202",
                null, "Prefer", "odata.maxpagesize=2"));
        assertThat(page.path("@odata.count").asInt(), equalTo(5));
        assertThat(page.path("value").size(), equalTo(2));
        assertThat(page.has("@Microsoft.Dynamics.CRM.totalrecordcount"), equalTo(false));
        // WHEN the count annotations are asked for THEN they come; $count=false gives no count
        JsonNode annotated = ServiceDriver.json(dv.send("GET", "accounts?$select=name&$count=true", null, "Prefer",
                "odata.include-annotations=\"Microsoft.Dynamics.CRM.totalrecordcount,"
                        + "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded\""));
        assertThat(annotated.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt(), equalTo(7));
        assertThat(annotated.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean(), equalTo(false));
        assertThat(dv.json("GET", "accounts?$select=name&$count=false").has("@odata.count"), equalTo(false));
        // WHEN $top limits the rows THEN the count is still of every matching row (OData 4.01 §11.2.6.5)
        JsonNode topped = dv.json("GET", "accounts?$select=name&$count=true&$filter=revenue%20ge%202&$top=3");
        assertThat(topped.path("value").size(), equalTo(3));
        assertThat(topped.path("@odata.count").asInt(), equalTo(5));
    }

    @Test
    void should_refuse_a_malformed_orderby_or_count_naming_it() {
        // WHEN $orderby or $count is malformed or names no column THEN the message names what is wrong
        assertThat(ServiceDriver.errorMessage(dv.send("GET", "accounts?$orderby=name%20sideways", null)),
                containsString("Invalid $orderby 'name sideways'"));
        assertThat(ServiceDriver.errorMessage(dv.send("GET", "accounts?$orderby=nmae", null)),
                containsString("Could not find a property named 'nmae'"));
        assertThat(ServiceDriver.errorMessage(dv.send("GET", "accounts?$count=yes", null)),
                containsString("Invalid value 'yes' for $count"));
    }

    @Test
    void should_filter_order_and_limit_the_rows_of_a_collection_expand() {
        // GIVEN an account with two CEOs and a buyer
        UUID contoso = dv.create("accounts", "{\"name\":\"Contoso\"}");
        for (String[] contact : new String[][] {{"Archer", "CEO"}, {"Brown", "CEO"}, {"Cole", "Buyer"}}) {
            dv.create("contacts", "{\"lastname\":\"" + contact[0] + "\",\"jobtitle\":\"" + contact[1]
                    + "\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + contoso + ")\"}");
        }
        // WHEN its contacts are expanded with their own $filter and $orderby THEN the two CEOs, by name descending
        JsonNode account = dv.json("GET", "accounts(" + contoso + ")?$select=name&$expand=contact_customer_accounts("
                + "$select=lastname;$filter=jobtitle%20eq%20'CEO';$orderby=lastname%20desc)");
        List<String> lastnames = new ArrayList<>();
        account.path("contact_customer_accounts").forEach(c -> lastnames.add(c.path("lastname").asText()));
        assertThat(lastnames, contains("Brown", "Archer"));
        // WHEN with $orderby and $top THEN the first by name only; a malformed nested $filter is named
        JsonNode top = dv.json("GET", "accounts(" + contoso + ")?$expand=contact_customer_accounts("
                + "$select=lastname;$orderby=lastname;$top=1)");
        assertThat(top.path("contact_customer_accounts").size(), equalTo(1));
        assertThat(top.path("contact_customer_accounts").get(0).path("lastname").asText(), equalTo("Archer"));
        assertThat(ServiceDriver.errorMessage(dv.send("GET", "accounts(" + contoso + ")?$expand=contact_customer_accounts("
                + "$filter=jobtitle%20eq)", null)), containsString("Invalid $filter 'jobtitle eq'"));
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $filter as clients write it ("Filter rows using OData"): operators, logic, functions, lambdas, related columns. */
class FilterTest {

    private final ServiceDriver dv = new ServiceDriver();
    private UUID contoso;
    private UUID fabrikam;

    @BeforeEach
    void someAccountsAndContacts() {
        // GIVEN three accounts (one without revenue) and three contacts, two of Contoso, one of Fabrikam
        contoso = dv.create("accounts", "{\"name\":\"Contoso\",\"revenue\":500000,\"accountnumber\":\"A-1\"}");
        fabrikam = dv.create("accounts", "{\"name\":\"Fabrikam (sample)\",\"revenue\":2000}");
        dv.create("accounts", "{\"name\":\"Northwind\"}"); // no revenue, no number
        dv.create("contacts", "{\"firstname\":\"Ann\",\"lastname\":\"Ann\",\"jobtitle\":\"Buyer\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + contoso + ")\"}");
        dv.create("contacts", "{\"firstname\":\"Bob\",\"lastname\":\"Smith\",\"jobtitle\":\"CEO\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + contoso + ")\"}");
        dv.create("contacts", "{\"firstname\":\"Cy\",\"lastname\":\"Jones\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + fabrikam + ")\"}");
    }

    private List<String> names(String set, String filter) {
        JsonNode list = dv.json("GET", set + "?$select=" + (set.equals("accounts") ? "name" : "lastname") + "&$filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(list.toString(), list.has("value"), equalTo(true));
        List<String> names = new ArrayList<>();
        list.path("value").forEach(row -> names.add(row.path(set.equals("accounts") ? "name" : "lastname").asText()));
        return names;
    }

    private EmulatorResponse filtered(String filter) {
        return dv.send("GET", "accounts?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"), null);
    }

    @Test
    void should_compare_with_every_operator_and_leave_out_rows_whose_column_is_null() {
        // WHEN each comparison operator filters THEN the rows it keeps, never one whose column is empty
        assertThat(names("accounts", "revenue gt 100000"), containsInAnyOrder("Contoso"));
        assertThat(names("accounts", "revenue ge 2000"), containsInAnyOrder("Contoso", "Fabrikam (sample)"));
        assertThat(names("accounts", "revenue lt 500000"), containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("accounts", "revenue le 500000.00"), containsInAnyOrder("Contoso", "Fabrikam (sample)"));
        // Northwind has no revenue: "ne" is unknown for it, so it is not returned (Q3: false or null excludes)
        assertThat(names("accounts", "revenue ne 2000"), containsInAnyOrder("Contoso"));
        assertThat(names("accounts", "not (revenue eq 2000)"), containsInAnyOrder("Contoso"));
        assertThat(names("accounts", "revenue eq null"), containsInAnyOrder("Northwind"));
        assertThat(names("accounts", "revenue ne null"), containsInAnyOrder("Contoso", "Fabrikam (sample)"));
    }

    @Test
    void should_combine_with_and_or_not_and_parentheses_as_written() {
        // WHEN and, or, not and parentheses combine THEN as written, and binding tighter than or
        assertThat(names("accounts", "(contains(name,'sample') or contains(name,'test')) and revenue gt 1000"),
                containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("accounts", "revenue lt 100000 and revenue gt 1000"), containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("accounts", "name eq 'Northwind' or revenue gt 100000"), containsInAnyOrder("Northwind", "Contoso"));
        assertThat(names("accounts", "not contains(name,'sample')"), containsInAnyOrder("Contoso", "Northwind"));
        // and binds tighter than or
        assertThat(names("accounts", "name eq 'Northwind' or name eq 'Contoso' and revenue lt 10"),
                containsInAnyOrder("Northwind"));
        // Olingo's FilterFactory wraps every operand in parentheses
        assertThat(names("accounts", "((name eq 'Contoso') and (revenue gt 1))"), containsInAnyOrder("Contoso"));
    }

    @Test
    void should_match_text_functions_and_equality_without_regard_to_case() {
        // WHEN text is compared, by function or equality THEN without regard to case; a doubled quote is a quote
        assertThat(names("accounts", "startswith(name,'fab')"), containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("accounts", "endswith(name,'WIND')"), containsInAnyOrder("Northwind"));
        assertThat(names("accounts", "contains(name,'(sample)')"), containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("accounts", "name eq 'CONTOSO'"), containsInAnyOrder("Contoso"));
        assertThat(names("accounts", "name eq 'O''Brien'"), empty());
    }

    @Test
    void should_compare_two_columns_of_the_same_row() {
        // WHEN a column is compared with another THEN the row where both are equal
        assertThat(names("contacts", "firstname eq lastname"), containsInAnyOrder("Ann"));
    }

    @Test
    void should_compare_guids_and_lookups() {
        // WHEN a key or a lookup is compared with a GUID THEN the rows it names
        assertThat(names("accounts", "accountid eq " + fabrikam), containsInAnyOrder("Fabrikam (sample)"));
        assertThat(names("contacts", "_parentcustomerid_value eq " + contoso), containsInAnyOrder("Ann", "Smith"));
        assertThat(names("contacts", "_parentcustomerid_value ne " + contoso), containsInAnyOrder("Jones"));
    }

    @Test
    void should_filter_on_related_rows_with_any_and_all() {
        // WHEN related rows are filtered with any and all THEN with three-valued logic, all true of no rows
        assertThat(names("accounts", "contact_customer_accounts/any(c: c/jobtitle eq 'CEO')"), containsInAnyOrder("Contoso"));
        assertThat(names("accounts", "contact_customer_accounts/any()"), containsInAnyOrder("Contoso", "Fabrikam (sample)"));
        assertThat(names("accounts", "not contact_customer_accounts/any()"), containsInAnyOrder("Northwind"));
        // all: Fabrikam's only contact has no job title (unknown), Northwind has no contacts (vacuously true)
        assertThat(names("accounts", "contact_customer_accounts/all(c: c/jobtitle ne null)"),
                containsInAnyOrder("Contoso", "Northwind"));
        assertThat(names("accounts", "contact_customer_accounts/any(c: c/lastname eq 'Jones') or revenue gt 100000"),
                containsInAnyOrder("Contoso", "Fabrikam (sample)"));
    }

    @Test
    void should_filter_on_a_column_of_a_single_valued_navigation_property() {
        // WHEN a column of the related row is compared THEN the rows whose related row matches
        assertThat(names("contacts", "parentcustomerid_account/name eq 'Contoso'"), containsInAnyOrder("Ann", "Smith"));
        assertThat(names("contacts", "contains(parentcustomerid_account/name,'sample')"), containsInAnyOrder("Jones"));
    }

    @Test
    void should_refuse_malformed_expressions_with_a_400_that_says_why() {
        // WHEN an expression is malformed THEN 400, saying why
        for (String[] bad : new String[][] {
                {"name eq", "expected a literal or a column at the end"},
                {"(name eq 'x'", "expected ')' at the end"},
                {"name eq 'x", "a quoted string is not closed"},
                {"name equals 'x'", "expected a comparison operator after 'name' but found 'equals'"},
                {"name eq 'x' 'y'", "unexpected ''y''"},
                {"", "the expression is empty"},
                {"nam eq 'x'", "Could not find a property named 'nam' on type 'Microsoft.Dynamics.CRM.account'"},
                {"name eq 5", "A binary operator with incompatible types was detected"},
                {"primarycontactid/any(c: c/fullname eq 'x')", "need a collection-valued navigation property"},
                {"contact_customer_accounts/lastname eq 'x'", "is a collection-valued navigation property"},
                {"not ".repeat(100) + "name eq 'x'", "nests deeper than 64 levels"}}) {
            EmulatorResponse response = filtered(bad[0]);
            assertThat(bad[0], response.status(), equalTo(400));
            assertThat(bad[0], ServiceDriver.errorMessage(response), containsString(bad[1]));
        }
    }

    @Test
    void should_name_what_is_not_modelled_with_a_501() {
        // WHEN an expression uses what the emulator does not model THEN 501, naming it
        for (String[] gap : new String[][] {
                {"Microsoft.Dynamics.CRM.Today(PropertyName='createdon')", "the $filter function"},
                {"revenue add 1 gt 5", "the $filter operator 'add'"}}) {
            EmulatorResponse response = filtered(gap[0]);
            assertThat(gap[0], response.status(), equalTo(501));
            assertThat(gap[0], ServiceDriver.errorMessage(response), containsString(gap[1]));
        }
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FetchXML over the Web API ("Use FetchXml to retrieve data" and its sibling pages: F1–F7 in sources.md). */
class FetchXmlTest {

    private static final String PAGING = "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,"
            + "Microsoft.Dynamics.CRM.morerecords\"";

    private final ServiceDriver dv = new ServiceDriver();
    private UUID contoso;
    private UUID fabrikam;
    private UUID ann;

    @BeforeEach
    void someAccountsAndContacts() {
        // GIVEN three accounts (Northwind without revenue or contacts) and three contacts of the first two
        contoso = dv.create("accounts", "{\"name\":\"Contoso\",\"revenue\":500000,\"accountnumber\":\"A-1\"}");
        fabrikam = dv.create("accounts", "{\"name\":\"Fabrikam (sample)\",\"revenue\":2000}");
        dv.create("accounts", "{\"name\":\"Northwind\"}");
        ann = dv.create("contacts", "{\"lastname\":\"Ann\",\"jobtitle\":\"Buyer\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + contoso + ")\"}");
        dv.create("contacts", "{\"lastname\":\"Smith\",\"jobtitle\":\"CEO\","
                + "\"parentcustomerid_account@odata.bind\":\"/accounts(" + contoso + ")\"}");
        dv.create("contacts", "{\"lastname\":\"Jones\",\"parentcustomerid_account@odata.bind\":\"/accounts("
                + fabrikam + ")\"}");
    }

    private EmulatorResponse fetch(String set, String xml, String... headers) {
        return dv.send("GET", set + "?fetchXml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8).replace("+", "%20"),
                null, headers);
    }

    private JsonNode rows(String set, String xml) {
        EmulatorResponse response = fetch(set, xml);
        assertThat(response.bodyText(), response.status(), equalTo(200));
        return ServiceDriver.json(response).path("value");
    }

    private static List<String> texts(JsonNode rows, String property) {
        List<String> out = new ArrayList<>();
        rows.forEach(row -> out.add(row.path(property).asText(null)));
        return out;
    }

    private static String accounts(String body) {
        return "<fetch><entity name='account'><attribute name='name'/>" + body + "</entity></fetch>";
    }

    @Test
    void should_return_the_selected_columns_and_no_property_for_an_empty_column() {
        // WHEN name and revenue are fetched THEN Northwind has no revenue property at all (F1), and every row its key
        JsonNode rows = rows("accounts", accounts("<attribute name='revenue'/><order attribute='name'/>"));
        assertThat(texts(rows, "name"), contains("Contoso", "Fabrikam (sample)", "Northwind"));
        assertThat(rows.get(2).has("revenue"), equalTo(false));
        assertThat(rows.get(0).path("accountid").asText(), equalTo(contoso.toString()));
        assertThat(rows.get(0).has("accountnumber"), equalTo(false));
        // AND an alias renames a column; a lookup is its _x_value
        JsonNode contacts = rows("contacts", "<fetch><entity name='contact'><attribute name='lastname' alias='who'/>"
                + "<attribute name='parentcustomerid'/><filter><condition attribute='contactid' operator='eq' value='{"
                + ann + "}'/></filter></entity></fetch>");
        assertThat(contacts.get(0).path("who").asText(), equalTo("Ann"));
        assertThat(contacts.get(0).path("_parentcustomerid_value").asText(), equalTo(contoso.toString()));
    }

    @Test
    void should_filter_with_the_documented_operators_and_leave_out_empty_columns() {
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='revenue' operator='gt' value='2000'/>"
                + "</filter>")), "name"), contains("Contoso"));
        // ne leaves out Northwind, whose revenue is empty, as $filter's ne does
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='revenue' operator='ne' value='2000'/>"
                + "</filter>")), "name"), contains("Contoso"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='revenue' operator='null'/></filter>")),
                "name"), contains("Northwind"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='name' operator='like' value='%sam%'/>"
                + "</filter>")), "name"), contains("Fabrikam (sample)"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='name' operator='begins-with' "
                + "value='north'/></filter>")), "name"), contains("Northwind"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='name' operator='not-like' "
                + "value='%o'/></filter>")), "name"), containsInAnyOrder("Fabrikam (sample)", "Northwind"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='name' operator='in'><value>Contoso"
                + "</value><value>Northwind</value></condition></filter>")), "name"), containsInAnyOrder("Contoso",
                "Northwind"));
        assertThat(texts(rows("accounts", accounts("<filter><condition attribute='revenue' operator='between'>"
                + "<value>1000</value><value>3000</value></condition></filter>")), "name"), contains("Fabrikam (sample)"));
        // AND nested or/and filters combine
        assertThat(texts(rows("accounts", accounts("<filter type='or'><condition attribute='name' operator='eq' "
                + "value='Northwind'/><filter><condition attribute='revenue' operator='ge' value='2000'/>"
                + "<condition attribute='accountnumber' operator='not-null'/></filter></filter>")), "name"),
                containsInAnyOrder("Contoso", "Northwind"));
    }

    @Test
    void should_join_many_to_one_and_outer_join_to_find_rows_without_a_link() {
        // WHEN contacts are joined to their account THEN the account's name is account.name
        JsonNode joined = rows("contacts", "<fetch><entity name='contact'><attribute name='lastname'/>"
                + "<order attribute='lastname'/><link-entity name='account' from='accountid' to='parentcustomerid' "
                + "alias='account'><attribute name='name'/></link-entity></entity></fetch>");
        assertThat(texts(joined, "account.name"), contains("Contoso", "Fabrikam (sample)", "Contoso"));
        // AND an outer join with a null condition on the link finds the account without contacts
        JsonNode lonely = rows("accounts", accounts("<link-entity name='contact' from='parentcustomerid' to='accountid' "
                + "link-type='outer' alias='c'/><filter><condition entityname='c' attribute='contactid' "
                + "operator='null'/></filter>"));
        assertThat(texts(lonely, "name"), contains("Northwind"));
        // AND an inner one-to-many join repeats the parent once per child; distinct makes it once
        assertThat(rows("accounts", accounts("<link-entity name='contact' from='parentcustomerid' to='accountid'/>"))
                .size(), equalTo(3));
        // AND link-type exists (or in) keeps each account with a contact once, adding nothing to it (F5)
        for (String type : List.of("exists", "in")) {
            JsonNode exists = rows("accounts", accounts("<order attribute='name'/><link-entity name='contact' "
                    + "from='parentcustomerid' to='accountid' link-type='" + type + "'><filter><condition "
                    + "attribute='lastname' operator='ne' value='Jones'/></filter></link-entity>"));
            assertThat(texts(exists, "name"), contains("Contoso"));
            assertThat(exists.get(0).size(), equalTo(3)); // @odata.etag, name, accountid
        }
        assertThat(texts(rows("accounts", "<fetch distinct='true'><entity name='account'><attribute name='name'/>"
                + "<link-entity name='contact' from='parentcustomerid' to='accountid'/></entity></fetch>"), "name"),
                containsInAnyOrder("Contoso", "Fabrikam (sample)"));
    }

    @Test
    void should_join_many_to_many_through_the_intersect_entity() {
        // GIVEN a deal with two competitors and one without
        UUID deal = dv.create("opportunities", "{\"name\":\"Big deal\"}");
        dv.create("opportunities", "{\"name\":\"Quiet deal\"}");
        for (String name : List.of("Rival A", "Rival B")) {
            UUID rival = dv.create("competitors", "{\"name\":\"" + name + "\"}");
            assertThat(dv.send("POST", "opportunities(" + deal + ")/opportunitycompetitors_association/$ref",
                    ServiceDriver.ref("competitors", rival)).status(), equalTo(204));
        }
        // WHEN the deals are joined to competitors through opportunitycompetitors THEN one row per pair
        JsonNode rows = rows("opportunities", "<fetch><entity name='opportunity'><attribute name='name'/>"
                + "<link-entity name='opportunitycompetitors' from='opportunityid' to='opportunityid' intersect='true'>"
                + "<link-entity name='competitor' from='competitorid' to='competitorid' alias='rival'>"
                + "<attribute name='name'/><order attribute='name'/></link-entity></link-entity></entity></fetch>");
        assertThat(texts(rows, "rival.name"), contains("Rival A", "Rival B"));
        assertThat(texts(rows, "name"), contains("Big deal", "Big deal"));
    }

    @Test
    void should_aggregate_a_count_per_parent_and_the_documented_functions() {
        JsonNode perAccount = rows("contacts", "<fetch aggregate='true'><entity name='contact'>"
                + "<attribute name='contactid' alias='contacts' aggregate='count'/>"
                + "<link-entity name='account' from='accountid' to='parentcustomerid' alias='a'>"
                + "<attribute name='name' alias='account' groupby='true'/></link-entity>"
                + "<order alias='account'/></entity></fetch>");
        assertThat(perAccount.toString(), equalTo("[{\"contacts\":2,\"account\":\"Contoso\"},"
                + "{\"contacts\":1,\"account\":\"Fabrikam (sample)\"}]"));
        JsonNode all = rows("accounts", "<fetch aggregate='true'><entity name='account'>"
                + "<attribute name='revenue' alias='n' aggregate='count'/>"
                + "<attribute name='revenue' alias='withRevenue' aggregate='countcolumn'/>"
                + "<attribute name='revenue' alias='total' aggregate='sum'/>"
                + "<attribute name='revenue' alias='average' aggregate='avg'/>"
                + "<attribute name='revenue' alias='least' aggregate='min'/>"
                + "<attribute name='revenue' alias='most' aggregate='max'/></entity></fetch>").get(0);
        assertThat(all.path("n").asInt(), equalTo(3));
        assertThat(all.path("withRevenue").asInt(), equalTo(2)); // nulls are not counted by countcolumn
        assertThat(all.path("total").decimalValue().intValue(), equalTo(502000));
        assertThat(all.path("average").decimalValue().intValue(), equalTo(251000));
        assertThat(all.path("least").decimalValue().intValue(), equalTo(2000));
        assertThat(all.path("most").decimalValue().intValue(), equalTo(500000));
    }

    @Test
    void should_page_with_count_and_page_and_return_the_paging_cookie_when_asked() {
        for (int i = 0; i < 7; i++) {
            dv.create("accounts", "{\"name\":\"Bulk " + i + "\"}");
        }
        String xml = "<fetch count='4' page='%d'><entity name='account'><attribute name='name'/>"
                + "<order attribute='name'/></entity></fetch>";
        List<String> seen = new ArrayList<>();
        JsonNode page = ServiceDriver.json(fetch("accounts", String.format(xml, 1), "Prefer", PAGING));
        assertThat(page.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(), equalTo(true));
        String cookie = page.path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText();
        assertThat(cookie, startsWith("<cookie pagenumber=\"2\" pagingcookie=\""));
        String inner = URLDecoder.decode(URLDecoder.decode(cookie.replaceAll(".*pagingcookie=\"([^\"]*)\".*", "$1"),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(inner, startsWith("<cookie page=\"1\"><accountid last=\"{"));
        page.path("value").forEach(r -> seen.add(r.path("name").asText()));
        for (int number = 2; page.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(); number++) {
            String next = String.format(xml, number).replace("<fetch ", "<fetch paging-cookie='"
                    + inner.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "' ");
            page = ServiceDriver.json(fetch("accounts", next, "Prefer", PAGING));
            page.path("value").forEach(r -> seen.add(r.path("name").asText()));
        }
        assertThat(seen.size(), equalTo(10));
        assertThat(seen.get(9), equalTo("Northwind"));
        // AND without the Prefer header the annotations are not sent
        assertThat(ServiceDriver.json(fetch("accounts", String.format(xml, 1))).has("@Microsoft.Dynamics.CRM.morerecords"),
                equalTo(false));
        assertThat(rows("accounts", "<fetch top='2'><entity name='account'><attribute name='name'/></entity></fetch>")
                .size(), equalTo(2));
    }

    @Test
    void should_refuse_malformed_xml_and_a_wrong_entity_with_a_400() {
        EmulatorResponse malformed = fetch("accounts", "<fetch><entity name='account'>");
        assertThat(malformed.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(malformed), containsString("Invalid XML"));
        EmulatorResponse wrong = fetch("accounts", "<fetch><entity name='contact'/></fetch>");
        assertThat(wrong.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(wrong), containsString("'contact'"));
        EmulatorResponse column = fetch("accounts", accounts("<attribute name='nosuchcolumn'/>"));
        assertThat(column.status(), equalTo(400));
        assertThat(ServiceDriver.errorCode(column), equalTo("0x80041103"));
        assertThat(fetch("accounts", "<!DOCTYPE fetch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><fetch>&x;</fetch>")
                .status(), equalTo(400));
    }

    @Test
    void should_answer_501_naming_what_is_not_modelled() {
        EmulatorResponse operator = fetch("accounts", accounts("<filter><condition attribute='createdon' "
                + "operator='last-x-days' value='3'/></filter>"));
        assertThat(operator.status(), equalTo(501));
        assertThat(ServiceDriver.errorMessage(operator), containsString("'last-x-days'"));
        EmulatorResponse linkType = fetch("accounts", accounts("<link-entity name='contact' from='parentcustomerid' "
                + "to='accountid' link-type='all'/>"));
        assertThat(linkType.status(), equalTo(501));
        assertThat(ServiceDriver.errorMessage(linkType), containsString("link-type 'all'"));
        EmulatorResponse attribute = fetch("accounts", "<fetch returntotalrecordcount='true'><entity name='account'/>"
                + "</fetch>");
        assertThat(attribute.status(), equalTo(501));
        assertThat(ServiceDriver.errorMessage(attribute), containsString("returntotalrecordcount"));
        // AND fetchXml anywhere but on an entity set's GET is a gap, not ignored
        EmulatorResponse onRow = dv.send("GET", "accounts(" + contoso + ")/contact_customer_accounts?fetchXml="
                + URLEncoder.encode("<fetch><entity name='contact'/></fetch>", StandardCharsets.UTF_8), null);
        assertThat(onRow.status(), equalTo(501));
        assertThat(fetch("accounts", "<fetch><entity name='account'/></fetch>").status(), equalTo(200));
    }

    @Test
    void should_refuse_what_fetchxml_forbids_with_a_400() {
        // top with paging, a page over 5,000, an aggregate attribute without alias, entityname naming no alias,
        // like on a number column (F3, F4, F6)
        assertThat(fetch("accounts", "<fetch top='2' page='1'><entity name='account'/></fetch>").status(), equalTo(400));
        assertThat(fetch("accounts", "<fetch count='5001'><entity name='account'/></fetch>").status(), equalTo(400));
        assertThat(fetch("accounts", "<fetch aggregate='true'><entity name='account'><attribute name='revenue' "
                + "aggregate='sum'/></entity></fetch>").status(), equalTo(400));
        assertThat(fetch("accounts", accounts("<filter><condition entityname='nope' attribute='name' operator='null'/>"
                + "</filter>")).status(), equalTo(400));
        EmulatorResponse like = fetch("accounts", accounts("<filter><condition attribute='revenue' operator='like' "
                + "value='%1%'/></filter>"));
        assertThat(like.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(like), containsString("not a text column"));
        assertThat(fetch("accounts", accounts("<filter><condition attribute='name' operator='eq'/></filter>")).status(),
                equalTo(400));
    }

    @Test
    void should_group_by_date_part_and_count_distinct_values() {
        // GIVEN three tasks, two in March 2024 and one in May 2024, two with the same subject
        dv.create("tasks", "{\"subject\":\"Call\",\"scheduledstart\":\"2024-03-05T10:00:00Z\"}");
        dv.create("tasks", "{\"subject\":\"Call\",\"scheduledstart\":\"2024-03-25T10:00:00Z\"}");
        dv.create("tasks", "{\"subject\":\"Visit\",\"scheduledstart\":\"2024-05-01T10:00:00Z\"}");
        JsonNode months = rows("tasks", "<fetch aggregate='true'><entity name='task'>"
                + "<attribute name='activityid' alias='n' aggregate='count'/>"
                + "<attribute name='subject' alias='subjects' aggregate='countcolumn' distinct='true'/>"
                + "<attribute name='scheduledstart' alias='month' groupby='true' dategrouping='month'/>"
                + "<order alias='month' descending='true'/></entity></fetch>");
        assertThat(months.toString(), equalTo("[{\"n\":1,\"subjects\":1,\"month\":5},{\"n\":2,\"subjects\":1,"
                + "\"month\":3}]"));
        EmulatorResponse week = fetch("tasks", "<fetch aggregate='true'><entity name='task'><attribute "
                + "name='scheduledstart' alias='w' groupby='true' dategrouping='week'/></entity></fetch>");
        assertThat(week.status(), equalTo(501));
    }

    @Test
    void should_leave_a_missing_outer_link_out_of_the_row_and_keep_the_row() {
        JsonNode rows = rows("accounts", accounts("<order attribute='name'/><link-entity name='contact' "
                + "from='parentcustomerid' to='accountid' link-type='outer' alias='c'><attribute name='lastname'/>"
                + "<filter><condition attribute='lastname' operator='eq' value='Jones'/></filter></link-entity>"));
        // the link's filter narrows the contacts joined, not the accounts: all three accounts, one with Jones
        assertThat(texts(rows, "name"), contains("Contoso", "Fabrikam (sample)", "Northwind"));
        assertThat(texts(rows, "c.lastname"), contains(null, "Jones", null));
        assertThat(rows.get(0).has("c.lastname"), equalTo(false));
    }

    @Test
    void should_annotate_lookups_only_as_the_prefer_header_asks() {
        String xml = "<fetch><entity name='contact'><attribute name='parentcustomerid'/><filter><condition "
                + "attribute='contactid' operator='eq' value='" + ann + "'/></filter><link-entity name='account' "
                + "from='accountid' to='parentcustomerid' alias='a'><attribute name='primarycontactid'/></link-entity>"
                + "</entity></fetch>";
        JsonNode plain = ServiceDriver.json(fetch("contacts", xml)).path("value").get(0);
        assertThat(plain.has("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"), equalTo(false));
        JsonNode annotated = ServiceDriver.json(fetch("contacts", xml, "Prefer", "odata.include-annotations=\"*\""))
                .path("value").get(0);
        assertThat(annotated.path("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue").asText(),
                equalTo("Contoso"));
        assertThat(annotated.path("_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText(),
                equalTo("account"));
        assertThat(annotated.has("a.primarycontactid"), equalTo(false)); // empty lookup: no property, no annotation
    }

    @Test
    void should_refuse_an_aggregate_over_more_than_50000_rows_as_documented() {
        // GIVEN 50,001 tasks (F7, "Limitations": aggregates are limited to 50,000 records)
        dv.service.journalCapacity(0);
        for (int i = 0; i < 50_001; i++) {
            dv.create("tasks", "{\"subject\":\"t\"}");
        }
        String count = "<fetch aggregate='true'><entity name='task'><attribute name='activityid' alias='n' "
                + "aggregate='count'/>%s</entity></fetch>";
        EmulatorResponse refused = fetch("tasks", String.format(count, ""));
        assertThat(refused.status(), equalTo(400));
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x8004E023"));
        assertThat(ServiceDriver.errorMessage(refused), startsWith("AggregateQueryRecordLimit exceeded."));
        // AND a filter that keeps the rows under the limit lets it through
        assertThat(rows("tasks", String.format(count, "<filter><condition attribute='subject' operator='eq' "
                + "value='none'/></filter>")).get(0).path("n").asInt(), equalTo(0));
    }
}

package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FetchXML over a real HTTP server on loopback: the documented request, its 400 and its 501. */
class FetchXmlHttpTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/" + path))
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> fetch(String set, String xml, String... headers) throws Exception {
        return send("GET", set + "?fetchXml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8).replace("+", "%20"), null,
                headers);
    }

    @Test
    void should_answer_the_documented_request_without_null_properties_and_with_the_paging_annotations() throws Exception {
        // GIVEN two accounts, one without an account number
        send("POST", "accounts", "{\"name\":\"Contoso\",\"accountnumber\":\"A-1\"}");
        send("POST", "accounts", "{\"name\":\"Fabrikam\"}");
        // WHEN the query of "Use FetchXml to retrieve data" is sent, a page of one, asking for the annotations
        HttpResponse<String> response = fetch("accounts", "<fetch mapping='logical' count='1' page='1'>"
                + "<entity name='account'><attribute name='accountid'/><attribute name='name'/>"
                + "<attribute name='accountnumber'/><order attribute='name' descending='true'/></entity></fetch>",
                "Prefer", "odata.include-annotations=\"*\"");
        // THEN Fabrikam first, without an accountnumber property, and the cookie for page 2
        assertThat(response.statusCode(), equalTo(200));
        assertThat(response.body(), containsString("\"name\":\"Fabrikam\""));
        assertThat(response.body(), not(containsString("accountnumber")));
        assertThat(response.body(), not(containsString("null")));
        assertThat(response.body(), containsString("\"@Microsoft.Dynamics.CRM.morerecords\":true"));
        assertThat(response.body(), containsString("<cookie pagenumber=\\\"2\\\" pagingcookie="));
        assertThat(response.headers().firstValue("Preference-Applied").orElse(""), containsString("include-annotations"));
    }

    @Test
    void should_answer_malformed_xml_with_a_400_and_an_unmodelled_element_with_a_501() throws Exception {
        HttpResponse<String> malformed = fetch("accounts", "<fetch><entity name='account'></fetch>");
        assertThat(malformed.statusCode(), equalTo(400));
        assertThat(malformed.body(), containsString("\"code\":\"0x80040203\""));
        HttpResponse<String> gap = fetch("accounts", "<fetch><entity name='account'><link-entity name='contact' "
                + "from='parentcustomerid' to='accountid' link-type='not any'/></entity></fetch>");
        assertThat(gap.statusCode(), equalTo(501));
        assertThat(gap.body(), containsString("link-type 'not any'"));
    }
}

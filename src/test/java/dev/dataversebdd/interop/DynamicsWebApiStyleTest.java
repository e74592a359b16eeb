package dev.dataversebdd.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests as DynamicsWebApi (v2) sends them and reads their answers. {@code retrieveAll}: the first page with
 * {@code Prefer: odata.maxpagesize}, then each {@code @odata.nextLink}, whose path it takes by cutting its own data API
 * URL off the front, so the link must start with it. The batch DynamicsWebApi sends (its {@code convertToBatch}, v2: a leading CRLF, {@code dwa_batch_} boundary,
 * {@code multipart/mixed;boundary=} without a space, Content-IDs from 100001, full URLs in request lines,
 * {@code $100001} references) and its way of reading the answer ({@code parseBatchResponse}: the delimiter is the
 * answer's first line, a change set is a part containing {@code --changesetresponse_}, an empty part's result is the
 * id in {@code OData-EntityId}).
 */
class DynamicsWebApiStyleTest {

    private static final Pattern ENTITY_ID = Pattern.compile("OData-EntityId.+?\\(([0-9a-f-]{36})\\)");

    private static DataverseEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = DataverseEmulator.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void should_answer_a_dynamicswebapi_batch_in_a_form_its_parser_reads() throws Exception {
        String dataApi = emulator.serviceRoot().replaceAll("/?$", "/");
        String batch = "dwa_batch_" + UUID.randomUUID();
        String changeSet = "changeset_" + UUID.randomUUID();
        // GIVEN the body convertToBatch writes for: create account, create contact bound to $100001, then a GET
        List<String> body = new ArrayList<>();
        body.add("\r\n--" + batch);
        body.add("Content-Type: multipart/mixed;boundary=" + changeSet);
        body.add("\r\n--" + changeSet);
        body.add("Content-Type: application/http");
        body.add("Content-Transfer-Encoding: binary");
        body.add("Content-ID: 100001");
        body.add("\r\nPOST " + dataApi + "accounts HTTP/1.1");
        body.add("Content-Type: application/json");
        body.add("\r\n{\"name\":\"DWA Ltd\"}");
        body.add("\r\n--" + changeSet);
        body.add("Content-Type: application/http");
        body.add("Content-Transfer-Encoding: binary");
        body.add("Content-ID: 100002");
        body.add("\r\nPOST " + dataApi + "contacts HTTP/1.1");
        body.add("Content-Type: application/json");
        body.add("\r\n{\"lastname\":\"Batch\",\"parentcustomerid_account@odata.bind\":\"$100001\"}");
        body.add("\r\n--" + changeSet + "--");
        body.add("\r\n--" + batch);
        body.add("Content-Type: application/http");
        body.add("Content-Transfer-Encoding: binary");
        body.add("\r\nGET " + dataApi + "contacts?$select=lastname,_parentcustomerid_value HTTP/1.1");
        body.add("Accept: application/json");
        body.add("\r\n--" + batch + "--\r\n");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dataApi + "$batch"))
                .header("Content-Type", "multipart/mixed;boundary=" + batch).header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0").header("OData-Version", "4.0")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\r\n", body))).build(), HttpResponse.BodyHandlers.ofString());
        // WHEN the answer is read as parseBatchResponse reads it
        assertThat(response.statusCode(), equalTo(200));
        List<String> results = parse(response.body());
        // THEN there are three results: the two new ids, then the contacts, the new one bound to the new account
        assertThat(results, hasSize(3));
        assertThat(results.get(0), matchesPattern("[0-9a-f-]{36}"));
        assertThat(results.get(1), matchesPattern("[0-9a-f-]{36}"));
        assertThat(results.get(2), containsString("\"_parentcustomerid_value\":\"" + results.get(0) + "\""));
    }

    @Test
    void should_page_to_the_end_the_way_retrieveall_follows_next_links() throws Exception {
        String dataApi = emulator.serviceRoot().replaceAll("/?$", "/");
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 12; i++) {
            client.send(HttpRequest.newBuilder(URI.create(dataApi + "competitors")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rival " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        // WHEN retrieveAll asks for pages of 5 and follows every nextLink by its path below the data API URL
        List<String> names = new ArrayList<>();
        String path = "competitors?$select=name";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(dataApi + path))
                    .header("Prefer", "odata.maxpagesize=5").header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode(), equalTo(200));
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body());
            json.path("value").forEach(row -> names.add(row.path("name").asText()));
            String next = json.path("@odata.nextLink").asText(null);
            assertThat(next == null || next.startsWith(dataApi), equalTo(true));
            path = next == null ? null : next.substring(dataApi.length());
            pages++;
        }
        // THEN three pages hold every row once
        assertThat(pages, equalTo(3));
        assertThat(names, hasSize(12));
        assertThat(new java.util.HashSet<>(names), hasSize(12));
    }

    @Test
    void should_answer_a_long_query_sent_inside_a_batch_as_dynamicswebapi_does_past_2000_characters() throws Exception {
        String dataApi = emulator.serviceRoot().replaceAll("/?$", "/");
        HttpClient client = HttpClient.newHttpClient();
        client.send(HttpRequest.newBuilder(URI.create(dataApi + "accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Needle\"}")).build(), HttpResponse.BodyHandlers.ofString());
        // GIVEN a query longer than 2,000 characters: DynamicsWebApi sends it as the only part of a batch
        StringBuilder filter = new StringBuilder("name eq 'Needle'");
        for (int i = 0; filter.length() < 2_100; i++) {
            filter.append(" or name eq 'Hay ").append(i).append("'");
        }
        String batch = "dwa_batch_" + UUID.randomUUID();
        String body = String.join("\r\n", "\r\n--" + batch, "Content-Type: application/http",
                "Content-Transfer-Encoding: binary", "\r\nGET " + dataApi + "accounts?$select=name&$filter="
                        + java.net.URLEncoder.encode(filter.toString(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + " HTTP/1.1", "Accept: application/json", "\r\n--" + batch + "--\r\n");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(dataApi + "$batch"))
                .header("Content-Type", "multipart/mixed;boundary=" + batch)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        // THEN the batch answers 200 and its one part finds the row
        assertThat(response.statusCode(), equalTo(200));
        List<String> results = parse(response.body());
        assertThat(results, hasSize(1));
        assertThat(results.get(0), containsString("\"name\":\"Needle\""));
    }

    /** parseBatchResponse's reading: split on the first line, recurse into parts holding a change set response. */
    private static List<String> parse(String response) {
        String delimiter = response.substring(0, response.indexOf("\r\n"));
        String[] parts = response.split(Pattern.quote(delimiter));
        List<String> results = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            if (!part.contains("--changesetresponse_")) {
                results.add(result(part));
                continue;
            }
            part = part.trim();
            results.addAll(parse(part.substring(part.indexOf("\r\n") + 1).trim()));
        }
        return results;
    }

    private static String result(String part) {
        int open = part.indexOf('{');
        if (open >= 0) {
            return part.substring(open, part.lastIndexOf('}') + 1);
        }
        Matcher id = ENTITY_ID.matcher(part);
        return id.find() ? id.group(1) : null;
    }
}

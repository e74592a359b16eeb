package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator behind a real HTTP server on loopback, driven by the JDK's HTTP client. */
class EmulatorHttpTest {

    private static final Pattern ID = Pattern.compile("\\(([0-9a-f-]{36})\\)$");

    private final DataverseEmulator emulator = DataverseEmulator.builder().maxBodyBytes(64 * 1024).start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/" + path))
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create(String set, String body) throws Exception {
        HttpResponse<String> response = send("POST", set, body);
        Matcher m = ID.matcher(response.headers().firstValue("OData-EntityId").orElseThrow());
        assertThat(m.find(), equalTo(true));
        return m.group(1);
    }

    @Test
    void should_listen_on_loopback_with_an_ephemeral_port() {
        // WHEN started with the defaults THEN on 127.0.0.1, on a port the system chose
        assertThat(emulator.baseUri(), startsWith("http://127.0.0.1:"));
        assertThat(emulator.port() > 0, equalTo(true));
    }

    @Test
    void should_answer_the_seed_associate_with_an_empty_204_over_a_kept_alive_connection() throws Exception {
        // GIVEN an account and an opportunity
        String account = create("accounts", "{\"name\":\"Contoso\"}");
        String opportunity = create("opportunities", "{\"name\":\"Big deal\"}");
        // WHEN the seed document's associate is sent THEN 204, no body, OData-Version, and the lookup reads back
        HttpResponse<String> response = send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref",
                "{\"@odata.id\":\"" + emulator.serviceRoot() + "/opportunities(" + opportunity + ")\"}");
        assertThat(response.statusCode(), equalTo(204));
        assertThat(response.body(), equalTo(""));
        assertThat(response.headers().firstValue("OData-Version").orElse(null), equalTo("4.0"));
        assertThat(send("GET", "opportunities(" + opportunity + ")?$select=_customerid_value", null).body(),
                containsString("\"_customerid_value\":\"" + account + "\""));
    }

    @Test
    void should_refuse_an_oversized_body_with_413_and_a_dataverse_error() throws Exception {
        // WHEN a body is over the limit THEN 413 with a Dataverse error, nothing created
        HttpResponse<String> response = send("POST", "accounts", "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.body(), containsString("\"error\""));
        assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
    }

    @Test
    void should_take_unencoded_query_text_as_real_clients_send_it() throws Exception {
        // WHEN a query is sent unencoded, parentheses and commas as they are THEN it is read as written
        String account = create("accounts", "{\"name\":\"Contoso\"}");
        HttpResponse<String> response = send("GET", "accounts(" + account
                + ")?$select=name&$expand=primarycontactid($select=contactid,fullname)", null);
        assertThat(response.statusCode(), equalTo(200));
        assertThat(response.body(), containsString("\"primarycontactid\":null"));
    }

    @Test
    void should_serve_the_admin_surface_apart_from_the_web_api() throws Exception {
        // WHEN the admin surface is asked for its routes THEN it lists them, apart from the Web API
        HttpResponse<String> routes = client.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/_emulator")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(routes.statusCode(), equalTo(200));
        assertThat(routes.body(), containsString("/_emulator/snapshots/{name}"));
    }

    /** Sends raw bytes and returns the whole answer as text, headers spelled as the server wrote them. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.setSoTimeout(5_000);
            byte[] buffer = new byte[8192];
            int n = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void should_spell_headers_as_dataverse_does() throws Exception {
        // WHEN read as raw bytes THEN the headers are spelled as Dataverse spells them
        String answer = raw("GET /api/data/v9.2/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 200 OK\r\n"));
        assertThat(answer, containsString("\r\nOData-Version: 4.0\r\n"));
        assertThat(answer, containsString("\r\nContent-Type: application/json; odata.metadata=minimal\r\n"));
    }

    @Test
    void should_answer_an_unreadable_http_request_with_a_dataverse_error_not_an_html_page() throws Exception {
        // WHEN the HTTP request itself cannot be read THEN 400 with Dataverse's error envelope, not an HTML page
        String answer = raw("GET /api/data/v9.2/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 400 "));
        assertThat(answer, containsString("{\"error\":{\"code\":\"0x0\",\"message\":\"Bad Request - the HTTP request could not be read"));
        assertThat(answer, containsString("OData-Version: 4.0"));
    }
}

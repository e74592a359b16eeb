package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Over a real socket: every request gets a complete, Dataverse-shaped answer, whatever it is or whatever breaks. */
class HostileHttpTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().maxBodyBytes(64 * 1024).start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void should_answer_a_write_that_throws_an_error_instead_of_leaving_the_client_waiting() throws Exception {
        // GIVEN the next write fails inside the emulator with an Error
        emulator.service().injectDefect(new OutOfMemoryError("injected"), 1);
        // WHEN a client creates a row
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/accounts"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Contoso\"}")).build(), HttpResponse.BodyHandlers.ofString());
        // THEN it gets a complete Dataverse-shaped 500, and nothing was created
        assertThat(response.statusCode(), equalTo(500));
        assertThat(response.body(), containsString("\"code\":\"EMULATOR_DEFECT\""));
        assertThat(response.body(), containsString("POST /api/data/v9.2/accounts"));
        assertThat(response.body(), not(containsString("OutOfMemoryError")));
        assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
    }

    @Test
    void should_refuse_a_chunked_body_over_the_limit_with_413_and_no_java_words() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/accounts"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), // no length: chunked
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.body(), containsString("larger than the limit of 65536 bytes"));
        assertThat(response.body(), not(containsString("java.")));
        assertThat(response.body(), not(containsString("Exception")));
    }

    @Test
    void should_say_what_an_unsupported_http_version_is() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/data/v9.2/accounts HTTP/3.7\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 505"));
            assertThat(answer, containsString("HTTP Version Not Supported"));
            assertThat(answer, not(containsString("Bad Request")));
        }
    }
}

package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A security file's bearer token over a real loopback server: it authenticates as its user, whose roles decide. */
class SecurityFileHttpTest {

    private final DataverseEmulator emulator;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SecurityFileHttpTest() throws Exception {
        Path file = Path.of(SecurityFileHttpTest.class.getResource("/dev/dataversebdd/emulator/security-example.json").toURI());
        emulator = DataverseEmulator.builder().security(file).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/" + path))
                .header("Accept", "application/json").header("OData-Version", "4.0")
                .header("Authorization", "Bearer dana-opaque-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_authenticate_the_files_token_as_its_user_and_refuse_what_her_roles_do_not_hold() throws Exception {
        // GIVEN the example file: Dana's role reads accounts at Global depth and cannot create them
        // WHEN she lists accounts with her token THEN 200
        assertThat(send("GET", "accounts", null).statusCode(), equalTo(200));
        // WHEN she creates one THEN 403 0x80040220, naming her and the missing privilege
        HttpResponse<String> create = send("POST", "accounts", "{\"name\":\"Contoso\"}");
        assertThat(create.statusCode(), equalTo(403));
        assertThat(create.body(), containsString("\"code\":\"0x80040220\""));
        assertThat(create.body(), containsString("AADObjectId='11111111-2222-4333-8444-555555555555'"));
        assertThat(create.body(), containsString("is missing prvCreateAccount privilege"));
    }

    @Test
    void should_refuse_a_wrong_file_before_listening() {
        // WHEN the builder is given a file with a misspelt role THEN start fails with the file's message
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DataverseEmulator.builder().securityJson("{\"users\":[{\"name\":\"A\",\"roles\":[\"Sistem Administrator\"]}]}",
                        "inline").start());
        assertThat(refused.getMessage(), equalTo("security file 'inline': $.users[0].roles[0]: no role named "
                + "'Sistem Administrator'; did you mean 'System Administrator'?"));
    }
}

package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security checks over a real loopback server: both 403 shapes as a client reads them. */
class SecurityHttpTest {

    private static final Pattern ID = Pattern.compile("\\(([0-9a-f-]{36})\\)$");

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
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create(String set, String body) throws Exception {
        HttpResponse<String> response = send("POST", set, body);
        Matcher m = ID.matcher(response.headers().firstValue("OData-EntityId").orElseThrow());
        assertThat(response.body(), m.find(), equalTo(true));
        return m.group(1);
    }

    @Test
    void should_answer_a_missing_privilege_and_a_row_beyond_the_depth_with_403_in_dataverse_shape() throws Exception {
        // GIVEN Dana, whose role reads accounts at Basic depth, and an account the administrator owns
        String user = create("systemusers", "{\"fullname\":\"Dana\"}");
        String role = create("roles", "{\"name\":\"Reader\"}");
        assertThat(send("POST", "roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole",
                "{\"Privileges\":[{\"PrivilegeName\":\"prvReadAccount\",\"Depth\":\"Basic\"}]}").statusCode(), equalTo(204));
        send("POST", "systemusers(" + user + ")/systemuserroles_association/$ref",
                "{\"@odata.id\":\"" + emulator.serviceRoot() + "/roles(" + role + ")\"}");
        String account = create("accounts", "{\"name\":\"Contoso\"}");
        // WHEN she creates an account THEN 403 0x80040220
        HttpResponse<String> create = send("POST", "accounts", "{\"name\":\"Fabrikam\"}", "MSCRMCallerID", user);
        assertThat(create.statusCode(), equalTo(403));
        assertThat(create.headers().firstValue("Content-Type").orElse(""), containsString("application/json"));
        assertThat(create.body(), containsString("\"code\":\"0x80040220\""));
        assertThat(create.body(), containsString("is missing prvCreateAccount privilege"));
        // WHEN she reads the administrator's account THEN 403 0x80048306
        HttpResponse<String> read = send("GET", "accounts(" + account + ")", null, "MSCRMCallerID", user);
        assertThat(read.statusCode(), equalTo(403));
        assertThat(read.body(), containsString("\"code\":\"0x80048306\""));
        assertThat(read.body(), containsString("does not have ReadAccess right(s) for record with id " + account));
    }
}

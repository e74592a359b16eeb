package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = Redactor.withSecrets(List.of("my-client-secret"));

    @Test
    void should_mask_credential_headers_but_keep_the_scheme() {
        assertThat(redactor.header("Authorization", "Bearer abc"), equalTo("Bearer ***"));
        assertThat(redactor.header("authorization", "Basic dXNlcjpwYXNz"), equalTo("Basic ***"));
        assertThat(redactor.header("Set-Cookie", "ARRAffinity=1; path=/"), equalTo("***"));
        assertThat(redactor.header("Accept", "application/json"), equalTo("application/json"));
    }

    @Test
    void should_mask_token_fields_in_json_and_form_bodies() {
        assertThat(redactor.text("{\"access_token\":\"abc\",\"expires_in\":3599,\"refresh_token\" : \"def\"}"),
                equalTo("{\"access_token\":\"***\",\"expires_in\":3599,\"refresh_token\" : \"***\"}"));
        assertThat(redactor.text("grant_type=client_credentials&client_secret=xyz&scope=a"),
                equalTo("grant_type=client_credentials&client_secret=***&scope=a"));
    }

    @Test
    void should_mask_jwts_and_configured_secrets_anywhere() {
        assertThat(redactor.text("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1 used"), equalTo("token *** used"));
        assertThat(redactor.text("failed with my-client-secret in it"), equalTo("failed with *** in it"));
    }

    @Test
    void should_leave_batch_content_id_references_as_they_are() {
        // GIVEN a batch part that names rows by Content-ID, in its URL and its body, next to a token field
        String part = "PUT $1/primarycontactid/$ref HTTP/1.1\r\n\r\n{\"@odata.id\":\"$2\",\"access_token\":\"abc\"}"
                + " PATCH $12 {\"customerid_account@odata.bind\":\"$1\"}";
        // WHEN it is redacted THEN only the token is masked: no $n is read as a regex group or mangled
        assertThat(redactor.text(part), equalTo("PUT $1/primarycontactid/$ref HTTP/1.1\r\n\r\n{\"@odata.id\":\"$2\","
                + "\"access_token\":\"***\"} PATCH $12 {\"customerid_account@odata.bind\":\"$1\"}"));
    }

    @Test
    void should_redact_a_whole_exchange() {
        RecordedExchange exchange = new RecordedExchange("POST", "http://h", "/token", Map.of("Authorization", "Bearer x"),
                "client_secret=my-client-secret", 200, Map.of(), "{\"access_token\":\"eyJabc.eyJdef.ghi\"}", 1);
        RecordedExchange safe = redactor.exchange(exchange);
        assertThat(safe.requestHeaders().get("Authorization"), equalTo("Bearer ***"));
        assertThat(safe.requestBody(), equalTo("client_secret=***"));
        assertThat(safe.responseBody(), equalTo("{\"access_token\":\"***\"}"));
    }
}

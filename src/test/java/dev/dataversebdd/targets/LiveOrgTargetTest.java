package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.Fault;
import dev.dataversebdd.emulator.core.JournalEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live target against the emulator standing in for an org (bearer token required, reached by URL) and a real
 * OAuth token endpoint on loopback, through MSAL4J.
 */
class LiveOrgTargetTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    private static Target live(Map<String, String> settings) {
        return LocalOrg.target(settings);
    }

    private static Map<String, String> withSecret(String secret) {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.client-secret", secret);
        return settings;
    }

    @Test
    void should_get_a_token_from_the_authority_and_send_it_with_every_request() {
        // WHEN a live target reads $metadata with the client secret
        int before = LOCAL.endpoint().tokensIssued();
        try (Target target = live(LOCAL.settings())) {
            assertThat(target.description(), equalTo("live org " + LOCAL.org().baseUri() + " (api v9.2)"));
            assertThat(new String(target.metadataDocument()), containsString("<EntitySet Name=\"accounts\""));
            assertThat(target.requestHeaders().get("Authorization"), containsString("Bearer eyJ"));
        }
        // THEN one token was issued and the org received the request
        assertThat(LOCAL.endpoint().tokensIssued(), equalTo(before + 1));
        JournalEntry last = LOCAL.org().service().journal().get(LOCAL.org().service().journal().size() - 1);
        assertThat(last.target(), equalTo("/api/data/v9.2/$metadata"));
        assertThat(last.status(), equalTo(200));
    }

    @Test
    void should_refuse_a_wrong_secret_with_a_clear_message_that_never_shows_it() {
        // WHEN the client secret is wrong THEN the message says who refused and why, never the secret
        String wrong = "wrong-secret-value-123";
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> live(withSecret(wrong)).metadataDocument());
        assertThat(e.getMessage(), containsString("Entra ID refused a token for client " + LocalTokenEndpoint.CLIENT_ID));
        assertThat(e.getMessage(), containsString("invalid_client"));
        assertThat(e.getMessage(), not(containsString(wrong)));
    }

    @Test
    void should_authenticate_with_a_certificate_through_a_signed_client_assertion() {
        // GIVEN a client certificate instead of a secret
        Map<String, String> settings = LOCAL.settings();
        settings.remove("dataverse.client-secret");
        settings.put("dataverse.client-certificate", LOCAL.endpoint().clientCertificate().toString());
        settings.put("dataverse.client-certificate-password", LocalTokenEndpoint.STORE_PASSWORD);
        // WHEN $metadata is read THEN a token was issued for the signed assertion
        int before = LOCAL.endpoint().tokensIssued();
        try (Target target = live(settings)) {
            assertThat(new String(target.metadataDocument()), containsString("<EntitySet Name=\"accounts\""));
        }
        assertThat(LOCAL.endpoint().tokensIssued(), equalTo(before + 1));
    }

    @Test
    void should_explain_an_unreadable_certificate() {
        Map<String, String> settings = LOCAL.settings();
        settings.remove("dataverse.client-secret");
        settings.put("dataverse.client-certificate", LOCAL.endpoint().clientCertificate().toString());
        // WHEN the certificate's password is wrong THEN the message says so, never the password
        settings.put("dataverse.client-certificate-password", "not-the-password");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> live(settings));
        assertThat(e.getMessage(), containsString("Cannot read the client certificate"));
        assertThat(e.getMessage(), not(containsString("not-the-password")));
    }

    @Test
    void should_renew_an_expired_token(@TempDir Path folder) throws Exception {
        // GIVEN tokens that live one second
        try (LocalOrg shortLivedTokens = new LocalOrg(folder, 1)) {
            LocalTokenEndpoint shortLived = shortLivedTokens.endpoint;
            try (Target target = live(shortLivedTokens.settings())) {
                target.metadataDocument();
                // WHEN the first has expired THEN the next request carries a new, valid one
                Thread.sleep(1_100);
                String renewed = target.requestHeaders().get("Authorization").substring(7);
                assertThat(shortLived.isValid(renewed), equalTo(true));
                assertThat(shortLived.tokensIssued(), greaterThanOrEqualTo(2));
            }
        }
    }

    @Test
    void should_stop_before_any_request_when_the_host_is_not_allowed() {
        Map<String, String> settings = LOCAL.settings();
        // WHEN the org's host is not in dataverse.allowed-hosts THEN the run stops before any request, saying how to allow it
        settings.put("dataverse.allowed-hosts", "contoso-test.crm.dynamics.com");
        int requests = LOCAL.endpoint().requests();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> live(settings));
        assertThat(e.getMessage(), equalTo("Refusing to run against 127.0.0.1: it is not in dataverse.allowed-hosts "
                + "(env DATAVERSE_ALLOWED_HOSTS) [contoso-test.crm.dynamics.com]. Add it there only if this org is meant "
                + "for tests."));
        assertThat(LOCAL.endpoint().requests(), equalTo(requests));
    }

    @Test
    void should_say_which_setting_is_missing_and_how_to_set_it() {
        Map<String, String> settings = LOCAL.settings();
        settings.remove("dataverse.client-secret");
        // WHEN settings are missing or wrong THEN each message names the setting and how to set it
        settings.remove("dataverse.tenant-id");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> live(settings));
        assertThat(e.getMessage(), containsString("Missing setting dataverse.tenant-id: no credentials: set "
                + "dataverse.token (env DATAVERSE_TOKEN)"));
        assertThat(e.getMessage(), containsString("Set it with -Ddataverse.tenant-id=..., the environment variable "
                + "DATAVERSE_TENANT_ID or a line in dataverse.properties on the test classpath."));
        Map<String, String> noCredential = LOCAL.settings();
        noCredential.remove("dataverse.client-secret");
        assertThat(assertThrows(ConfigurationException.class, () -> live(noCredential)).getMessage(), equalTo(
                "Settings dataverse.tenant-id and dataverse.client-id are set, but the app registration's credential is "
                + "missing: set dataverse.client-secret (env DATAVERSE_CLIENT_SECRET), or dataverse.client-certificate "
                + "(env DATAVERSE_CLIENT_CERTIFICATE) (a PKCS#12 file, with dataverse.client-certificate-password if it "
                + "has one). Or give a token instead with dataverse.token (env DATAVERSE_TOKEN)."));
        Map<String, String> noUrl = new HashMap<>(Map.of("dataverse.target", "live"));
        assertThat(assertThrows(ConfigurationException.class, () -> live(noUrl)).getMessage(),
                containsString("Missing setting dataverse.url"));
        Map<String, String> plainHttp = LOCAL.settings();
        plainHttp.put("dataverse.url", "http://contoso.crm.dynamics.com");
        assertThat(assertThrows(ConfigurationException.class, () -> live(plainHttp)).getMessage(),
                containsString("must use https"));
    }

    @Test
    void should_take_a_pre_acquired_token() {
        // WHEN a pre-acquired token is refused THEN the message says so, never the token
        Map<String, String> settings = new HashMap<>(Map.of("dataverse.target", "live", "dataverse.url", LOCAL.org().baseUri(),
                "dataverse.allowed-hosts", "127.0.0.1", "dataverse.token", "Bearer not-issued"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> live(settings).metadataDocument());
        assertThat(e.getMessage(), containsString("answered 401 to GET $metadata"));
        assertThat(e.getMessage(), not(containsString("not-issued")));
    }

    @Test
    void should_retry_throttled_requests_after_retry_after() {
        Map<String, String> settings = LOCAL.settings();
        try (Target target = live(settings)) {
            // GIVEN two throttled answers
            LOCAL.org().service().injectFault(new Fault(429, 0, 2));
            int before = LOCAL.org().service().journal().size();
            // WHEN $metadata is read THEN after two retries it is served
            target.metadataDocument();
            List<JournalEntry> journal = LOCAL.org().service().journal();
            assertThat(journal.size() - before, equalTo(3));
            assertThat(journal.get(journal.size() - 1).status(), equalTo(200));
        }
    }
}

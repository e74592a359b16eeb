package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.JournalEntry;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataverse.auth=none}: a live run against a target that needs no authentication sends no credentials, and
 * only when asked to; the opt-in is named where credentials are missing, and refused where it cannot be meant.
 */
class NoAuthenticationTest {

    @TempDir
    Path folder;

    private Map<String, String> settings(String url) {
        Map<String, String> settings = new HashMap<>();
        settings.put("dataverse.target", "live");
        settings.put("dataverse.url", url);
        settings.put("dataverse.allowed-hosts", "127.0.0.1,contoso-test.crm.dynamics.com");
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        return settings;
    }

    private static Target target(Map<String, String> settings, Map<String, String> environment) {
        return Targets.fromConfiguration(new Settings(settings::get, environment));
    }

    @Test
    void should_send_no_authorization_header_to_a_target_that_needs_none() {
        // GIVEN an emulator that wants no token, and a live run with DATAVERSE_AUTH=none
        try (DataverseEmulator other = DataverseEmulator.builder().start();
             Target target = target(settings(other.baseUri()), Map.of("DATAVERSE_AUTH", "none"))) {
            // WHEN it reads $metadata
            assertThat(new String(target.metadataDocument()), containsString("<EntitySet Name=\"accounts\""));
            // THEN no request carried an Authorization header, there is no secret to mask, and the reports say so
            assertThat(target.requestHeaders(), equalTo(Map.of()));
            assertThat(target.secrets(), empty());
            assertThat(target.reportFacts().get("Authentication"), equalTo("none (dataverse.auth=none)"));
            JournalEntry metadata = other.service().journal().get(other.service().journal().size() - 1);
            assertThat(metadata.target(), equalTo("/api/data/v9.2/$metadata"));
            assertThat(metadata.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization")),
                    equalTo(false));
        }
    }

    @Test
    void should_say_once_what_to_set_when_a_no_auth_target_wants_a_token() {
        // GIVEN an emulator that wants a bearer token, and a run that sends none
        try (DataverseEmulator other = DataverseEmulator.builder().start();
             Target target = target(settings(other.baseUri()), Map.of("DATAVERSE_AUTH", "none"))) {
            other.service().requireBearerToken(token -> true);
            // WHEN it reads $metadata THEN the refusal names the opt-in and what to set instead
            AuthenticationException refused = assertThrows(AuthenticationException.class, target::metadataDocument);
            assertThat(refused.getMessage(), equalTo("live org " + other.baseUri() + " (api v9.2) answered 401 to GET "
                    + "$metadata, sent without credentials (dataverse.auth=none): it wants authentication. Give it a "
                    + "token with dataverse.token (env DATAVERSE_TOKEN) or client credentials, and drop "
                    + "dataverse.auth=none (--no-auth)."));
        }
    }

    @Test
    void should_name_the_opt_in_when_credentials_are_missing() {
        // WHEN a live run has neither a token nor client credentials, and no dataverse.auth
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> target(settings("http://127.0.0.1:1"), Map.of()));
        // THEN the message says how to give credentials, and how to say the target needs none
        assertThat(missing.getMessage(), allOf(containsString("DATAVERSE_TOKEN"), containsString("DATAVERSE_CLIENT_SECRET"),
                containsString("for a target that needs no authentication (another emulator, an OData service), set "
                        + "dataverse.auth (env DATAVERSE_AUTH) to none instead (conformance run --no-auth)")));
    }

    @Test
    void should_refuse_no_auth_beside_credentials_without_showing_them() {
        // GIVEN DATAVERSE_AUTH=none and a token too (say, left in the CI environment)
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> target(
                settings("http://127.0.0.1:1"), Map.of("DATAVERSE_AUTH", "none", "DATAVERSE_TOKEN", "tok-secret-42")));
        // THEN the run stops, naming the setting but not its value
        assertThat(refused.getMessage(), allOf(containsString("is 'none', yet dataverse.token (env DATAVERSE_TOKEN) is set"),
                not(containsString("tok-secret-42"))));
    }

    @Test
    void should_refuse_no_auth_against_a_dataverse_org_and_a_value_it_does_not_know() {
        // WHEN a Dataverse org's host is given with no authentication THEN it is refused before any request
        ConfigurationException org = assertThrows(ConfigurationException.class, () -> target(
                settings("https://contoso-test.crm.dynamics.com"), Map.of("DATAVERSE_AUTH", "none")));
        assertThat(org.getMessage(), containsString("contoso-test.crm.dynamics.com is a Dataverse org, which answers "
                + "nothing without a token"));
        // WHEN the value is misspelt THEN the accepted values are named
        ConfigurationException wrong = assertThrows(ConfigurationException.class, () -> target(
                settings("http://127.0.0.1:1"), Map.of("DATAVERSE_AUTH", "nnoe")));
        assertThat(wrong.getMessage(), containsString("is 'nnoe'; use 'bearer' (default: dataverse.token (env "
                + "DATAVERSE_TOKEN) or client credentials) or 'none' (a target that needs no authentication)."));
    }
}

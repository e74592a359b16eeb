package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test and admin surface: reset, snapshots, journal, faults, bearer-token mode, admin routes. */
class ServiceSurfaceTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_restore_a_snapshot_and_forget_everything_on_reset() {
        // GIVEN a snapshot taken after one account, and a second account after it
        UUID account = dv.create("accounts", "{\"name\":\"Kept\"}");
        dv.service.snapshot("one");
        dv.create("accounts", "{\"name\":\"Dropped\"}");
        // WHEN the snapshot is restored THEN only the first account is there
        dv.service.restore("one");
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(1));
        assertThat(dv.send("GET", "accounts(" + account + ")", null).status(), equalTo(200));
        // WHEN the emulator is reset THEN no row is left but the caller's, and an unknown snapshot is refused
        dv.service.reset();
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(0));
        assertThrows(IllegalArgumentException.class, () -> dv.service.restore("nope"));
    }

    @Test
    void should_keep_a_journal_with_the_authorization_masked() {
        // WHEN a request carries a token
        dv.send("GET", "accounts", null, "Authorization", "Bearer secret-token-value");
        // THEN the journal holds it, its token masked
        List<JournalEntry> journal = dv.service.journal();
        JournalEntry last = journal.get(journal.size() - 1);
        assertThat(last.target(), equalTo("/api/data/v9.2/accounts"));
        assertThat(last.headers().get("Authorization"), equalTo("Bearer ***"));
        assertThat(last.status(), equalTo(200));
    }

    @Test
    void should_answer_injected_faults_with_retry_after_then_serve_again() {
        // GIVEN two injected 429s
        dv.service.injectFault(new Fault(429, 2, 2));
        // THEN two requests get them, with Retry-After, and the third is served
        EmulatorResponse first = dv.send("GET", "accounts", null);
        assertThat(first.status(), equalTo(429));
        assertThat(first.header("Retry-After"), equalTo("2"));
        assertThat(dv.send("GET", "accounts", null).status(), equalTo(429));
        assertThat(dv.send("GET", "accounts", null).status(), equalTo(200));
    }

    @Test
    void should_require_a_bearer_token_when_asked_and_answer_401_with_www_authenticate() {
        // GIVEN the emulator requires a bearer token
        dv.service.requireBearerToken("good"::equals);
        // THEN no token, or a wrong one, is 401 with WWW-Authenticate; the right one is served
        EmulatorResponse none = dv.send("GET", "accounts", null);
        assertThat(none.status(), equalTo(401));
        assertThat(none.header("WWW-Authenticate"), containsString("Bearer authorization_uri="));
        assertThat(dv.send("GET", "accounts", null, "Authorization", "Bearer bad").status(), equalTo(401));
        assertThat(dv.send("GET", "accounts", null, "Authorization", "Bearer good").status(), equalTo(200));
    }

    @Test
    void should_expose_the_surface_over_admin_routes() {
        // GIVEN two rows
        UUID account = dv.create("accounts", "{\"name\":\"A\"}");
        UUID opportunity = dv.create("opportunities", "{\"name\":\"O\"}");
        dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref", ref("opportunities", opportunity));
        // the two rows and the caller's, which every emulator holds from start-up
        // THEN the admin routes show the state, switch behaviours, inject faults, show the journal, switch auth, reset
        assertThat(dv.send("GET", "/_emulator/state", null).bodyText(), equalTo("{\"rows\":3,\"pairs\":0}"));
        assertThat(dv.send("PUT", "/_emulator/behaviour", "{\"bind-null\":\"rejected\"}").status(), equalTo(200));
        assertThat(dv.service.profile().mode(Behaviour.BIND_NULL), equalTo("rejected"));
        assertThat(dv.send("PUT", "/_emulator/behaviour", "{\"bind-null\":\"maybe\"}").status(), equalTo(400));
        assertThat(dv.send("POST", "/_emulator/faults", "{\"status\":503,\"times\":1}").status(), equalTo(204));
        assertThat(dv.send("GET", "accounts", null).status(), equalTo(503));
        assertThat(dv.send("GET", "/_emulator/journal", null).bodyText(), containsString("\"status\":503"));
        assertThat(dv.send("PUT", "/_emulator/auth", "{\"mode\":\"any\"}").status(), equalTo(204));
        assertThat(dv.send("GET", "accounts", null).status(), equalTo(401));
        assertThat(dv.send("PUT", "/_emulator/auth", "{\"mode\":\"off\"}").status(), equalTo(401)); // now it needs one too
        assertThat(dv.send("PUT", "/_emulator/auth", "{\"mode\":\"off\"}", "Authorization", "Bearer t").status(),
                equalTo(403)); // and switching it off over HTTP was not allowed at start
        dv.service.requireBearerToken(null);
        assertThat(dv.send("POST", "/_emulator/reset", null).status(), equalTo(204));
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(0));
        assertThat(dv.send("GET", "/_emulator/nothing", null).status(), equalTo(400));
    }

    @Test
    void should_refuse_an_unknown_behaviour_header_with_a_clear_400() {
        // WHEN a request switches a misspelt behaviour THEN 400 naming it
        EmulatorResponse response = dv.send("GET", "accounts", null, DataverseService.BEHAVIOUR_HEADER, "bind-nul=clears");
        assertThat(response.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(response), containsString("unknown behaviour 'bind-nul'"));
    }

    @Test
    void should_echo_the_request_host_in_generated_urls() {
        // WHEN a request comes to another host and port THEN the URLs the emulator writes use them
        EmulatorResponse response = dv.send("POST", "accounts", "{\"name\":\"A\"}", "Host", "localhost:8080");
        assertThat(response.header("OData-EntityId"), containsString("http://localhost:8080/api/data/v9.2/accounts("));
        assertThat(response.header("OData-EntityId"), not(nullValue()));
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The test surface cannot be used to get around the API's protection, and lets go of what it holds. */
class AdminSurfaceTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_drop_snapshots_on_reset_and_on_delete() {
        // GIVEN two snapshots
        dv.create("accounts", "{\"name\":\"A\"}");
        assertThat(dv.send("POST", "/_emulator/snapshots/one", null).status(), equalTo(204));
        assertThat(dv.send("POST", "/_emulator/snapshots/two", null).status(), equalTo(204));
        // WHEN one is deleted THEN only the other is left, and deleting it again is 400
        assertThat(dv.send("DELETE", "/_emulator/snapshots/one", null).status(), equalTo(204));
        assertThat(dv.service.snapshotNames(), equalTo(List.of("two")));
        assertThat(dv.send("DELETE", "/_emulator/snapshots/one", null).status(), equalTo(400));
        // WHEN the emulator is reset THEN no snapshot is left
        assertThat(dv.send("POST", "/_emulator/reset", null).status(), equalTo(204));
        assertThat(dv.service.snapshotNames(), empty());
    }

    @Test
    void should_require_a_token_on_the_admin_surface_when_the_api_requires_one() {
        // GIVEN the API requires a token
        dv.service.requireBearerToken("secret-token"::equals);
        // THEN the admin surface does too: none or a wrong one is 401
        assertThat(dv.send("POST", "/_emulator/reset", null).status(), equalTo(401));
        assertThat(dv.send("GET", "/_emulator/state", null, "Authorization", "Bearer wrong").status(), equalTo(401));
        assertThat(dv.send("GET", "/_emulator/state", null, "Authorization", "Bearer secret-token").status(), equalTo(200));
    }

    @Test
    void should_refuse_to_switch_the_token_check_off_over_http_unless_started_to_allow_it() {
        // GIVEN the API requires a token, and the emulator was started without --allow-auth-changes
        dv.service.requireBearerToken("secret-token"::equals);
        // WHEN a caller with the token switches the check off over HTTP THEN 403 naming the option, the check stays
        EmulatorResponse off = dv.send("PUT", "/_emulator/auth", "{\"mode\":\"off\"}", "Authorization", "Bearer secret-token");
        assertThat(off.status(), equalTo(403));
        assertThat(ServiceDriver.errorMessage(off), containsString("--allow-auth-changes"));
        assertThat(dv.service.requiresBearerToken(), equalTo(true));
        // WHEN the emulator allows it THEN the same request switches the check off
        dv.service.allowAuthChangesOverHttp(true);
        assertThat(dv.send("PUT", "/_emulator/auth", "{\"mode\":\"off\"}", "Authorization", "Bearer secret-token").status(),
                equalTo(204));
        assertThat(dv.service.requiresBearerToken(), equalTo(false));
    }
}

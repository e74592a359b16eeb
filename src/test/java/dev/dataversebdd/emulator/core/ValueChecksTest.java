package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values Dataverse refuses, refused the same way, before anything is written. */
class ValueChecksTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_keep_alternate_keys_unique_on_create_update_and_upsert() {
        // GIVEN an account whose alternate key accountnumber is A-1
        UUID first = dv.create("accounts", "{\"name\":\"A\",\"accountnumber\":\"A-1\"}");
        // WHEN another row takes A-1 by create, update or upsert THEN 412 0x80040237, and only the first has it
        EmulatorResponse created = dv.send("POST", "accounts", "{\"name\":\"B\",\"accountnumber\":\"A-1\"}");
        assertThat(created.status(), equalTo(412));
        assertThat(ServiceDriver.errorCode(created), equalTo("0x80040237"));
        UUID second = dv.create("accounts", "{\"name\":\"B\",\"accountnumber\":\"B-1\"}");
        assertThat(dv.send("PATCH", "accounts(" + second + ")", "{\"accountnumber\":\"A-1\"}", "If-Match", "*").status(),
                equalTo(412));
        assertThat(dv.send("PATCH", "accounts(" + UUID.randomUUID() + ")", "{\"name\":\"C\",\"accountnumber\":\"A-1\"}")
                .status(), equalTo(412));
        assertThat(dv.json("GET", "accounts(accountnumber='A-1')?$select=name").path("accountid").asText(),
                equalTo(first.toString()));
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(2));
    }

    @Test
    void should_check_numbers_against_the_range_of_their_edm_type() {
        // GIVEN an email
        UUID mail = dv.create("emails", "{\"subject\":\"Hi\"}");
        // WHEN a party's Edm.Int32 column gets a number beyond its range THEN 400 naming it, nothing created
        EmulatorResponse tooBig = dv.send("POST", "emails", "{\"subject\":\"x\",\"email_activity_parties\":[{"
                + "\"participationtypemask\":4294967298,\"addressused\":\"a@example.com\"}]}");
        assertThat(tooBig.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(tooBig), containsString("4294967298"));
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(1));
        assertThat(dv.send("GET", "emails(" + mail + ")", null).status(), equalTo(200));
    }

    @Test
    void should_enforce_the_metadata_max_length_of_string_columns() {
        // WHEN a name is one character longer than its MaxLength THEN 400 with Dataverse's words; at the limit it is created
        EmulatorResponse response = dv.send("POST", "accounts", "{\"name\":\"" + "n".repeat(161) + "\"}");
        assertThat(response.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(response), equalTo("A validation error occurred. The length of the 'name' "
                + "attribute of the 'account' entity exceeded the maximum allowed length of '160'."));
        assertThat(dv.send("POST", "accounts", "{\"name\":\"" + "n".repeat(160) + "\"}").status(), equalTo(204));
    }

    @Test
    void should_refuse_malformed_utf8_in_bodies_and_urls() {
        // WHEN a body, or a URL, holds malformed UTF-8 (an overlong slash) THEN 400, nothing created
        byte[] overlongSlash = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        EmulatorResponse body = dv.service.handle(new EmulatorRequest("POST", "/api/data/v9.2/accounts", null,
                Map.of("Host", "localhost"), overlongSlash));
        assertThat(body.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(body), containsString("not valid UTF-8"));
        assertThat(dv.send("GET", "accounts?$filter=name%20eq%20'%C0%AF'", null).status(), equalTo(400));
        assertThat(dv.service.rowCount() - dv.service.startupRowCount(), equalTo(0));
    }
}

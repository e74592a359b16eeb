package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.emulator.core.security.SecurityFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A security file: its rows at start-up and after every reset, and one clear message for whatever is wrong in it. */
class SecurityFileTest {

    private static final UUID ROOT = Caller.standard().businessUnitId();
    private static final UUID SALES = SecurityFile.derivedId("businessunit", "Sales");
    private static final UUID SALES_WEST = SecurityFile.derivedId("businessunit", "Sales West");
    private static final UUID DANA = SecurityFile.derivedId("systemuser", "Dana");
    private static final UUID ERIN = UUID.fromString("00000000-0000-4000-8000-00000000e111");

    private final ServiceDriver dv = new ServiceDriver();

    static String example() {
        try (InputStream in = SecurityFileTest.class.getResourceAsStream("/dev/dataversebdd/emulator/security-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_load_units_roles_users_and_teams_with_the_files_ids_or_ids_derived_from_the_names() {
        // WHEN the example file is loaded
        dv.service.loadSecurity(example(), "security-example.json");
        // THEN its users are in their units, with their columns, and one keeps the id the file gave
        JsonNode dana = dv.json("GET", "systemusers(" + DANA + ")?$select=fullname,internalemailaddress,_businessunitid_value");
        assertThat(dana.path("fullname").asText(), equalTo("Dana"));
        assertThat(dana.path("internalemailaddress").asText(), equalTo("dana@example.com"));
        assertThat(dana.path("_businessunitid_value").asText(), equalTo(SALES.toString()));
        assertThat(dv.lookup("systemusers", ERIN, "_businessunitid_value"), equalTo(SALES_WEST.toString()));
        assertThat(dv.lookup("businessunits", SALES_WEST, "_parentbusinessunitid_value"), equalTo(SALES.toString()));
        assertThat(dv.lookup("businessunits", SALES, "_parentbusinessunitid_value"), equalTo(ROOT.toString()));
        // AND the users count as start-up rows
        assertThat(dv.service.startupRowCount(), equalTo(3));
        // AND Dana's role holds its privileges at their depths, her team's role comes through her membership
        JsonNode privileges = dv.json("GET", "systemusers(" + DANA + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges")
                .path("RolePrivileges");
        assertThat(depthOf(privileges, "prvReadAccount"), equalTo("Global"));
        assertThat(depthOf(privileges, "prvAppendToAccount"), equalTo("Local"));
        assertThat(dv.json("GET", "teams(" + SecurityFile.derivedId("team", "Sales team")
                + ")/teammembership_association").path("value").get(0).path("systemuserid").asText(), equalTo(DANA.toString()));
        // AND her opaque token authenticates as her
        EmulatorResponse whoAmI = dv.send("GET", "WhoAmI", null, "Authorization", "Bearer dana-opaque-token");
        assertThat(ServiceDriver.json(whoAmI).path("UserId").asText(), equalTo(DANA.toString()));
        assertThat(ServiceDriver.json(whoAmI).path("BusinessUnitId").asText(), equalTo(SALES.toString()));
    }

    private static String depthOf(JsonNode privileges, String name) {
        for (JsonNode privilege : privileges) {
            if (privilege.path("PrivilegeName").asText().equals(name)) {
                return privilege.path("Depth").asText();
            }
        }
        return null;
    }

    @Test
    void should_bring_the_files_rows_back_on_reset() {
        // GIVEN the example loaded, Dana renamed and another user added
        dv.service.loadSecurity(example(), "security-example.json");
        dv.send("PATCH", "systemusers(" + DANA + ")", "{\"fullname\":\"Renamed\"}");
        dv.create("systemusers", "{\"fullname\":\"Temp\"}");
        assertThat(dv.service.rowCount(), equalTo(4));
        // WHEN the emulator is reset
        dv.service.reset();
        // THEN the file's rows are as the file says, and nothing else is left
        assertThat(dv.json("GET", "systemusers(" + DANA + ")?$select=fullname").path("fullname").asText(), equalTo("Dana"));
        assertThat(dv.service.rowCount(), equalTo(3));
        assertThat(ServiceDriver.json(dv.send("GET", "WhoAmI", null, "Authorization", "Bearer erin-opaque-token"))
                .path("UserId").asText(), equalTo(ERIN.toString()));
    }

    @Test
    void should_refuse_an_unknown_name_with_the_file_the_json_path_and_the_closest_name() {
        // WHEN a file names what it does not define THEN one message says where, and what was probably meant
        assertThat(refusal("{\"businessUnits\":[{\"name\":\"Sales\"}],\"users\":[{\"name\":\"Dana\",\"businessUnit\":\"Sals\"}]}"),
                equalTo("security file 'org.json': $.users[0].businessUnit: no business unit named 'Sals'; did you mean 'Sales'?"));
        assertThat(refusal("{\"roles\":[{\"name\":\"Salesperson\"}],\"users\":[{\"name\":\"Dana\",\"roles\":[\"Salesperon\"]}]}"),
                equalTo("security file 'org.json': $.users[0].roles[0]: no role named 'Salesperon'; did you mean 'Salesperson'?"));
        assertThat(refusal("{\"users\":[{\"name\":\"Dana\"}],\"teams\":[{\"name\":\"T\",\"members\":[\"Dan\"]}]}"),
                equalTo("security file 'org.json': $.teams[0].members[0]: no user named 'Dan'; did you mean 'Dana'?"));
        assertThat(refusal("{\"roles\":[{\"name\":\"R\",\"privileges\":{\"prvReadAcount\":\"Global\"}}]}"),
                equalTo("security file 'org.json': $.roles[0].privileges.prvReadAcount: no privilege named 'prvReadAcount'; "
                        + "did you mean 'prvReadAccount'?"));
        assertThat(refusal("{\"roles\":[{\"name\":\"R\",\"privileges\":{\"prvReadAccount\":\"Globl\"}}]}"),
                equalTo("security file 'org.json': $.roles[0].privileges.prvReadAccount: no depth 'Globl'; did you mean 'Global'?"));
        assertThat(refusal("{\"users\":[{\"name\":\"Dana\",\"busnessUnit\":\"Sales\"}]}"),
                equalTo("security file 'org.json': $.users[0].busnessUnit: unknown property; did you mean 'businessUnit'?"));
        assertThat(refusal("{\"user\":[]}"),
                equalTo("security file 'org.json': $.user: unknown property; did you mean 'users'?"));
        assertThat(refusal("{\"users\":[{\"name\":\"Dana\",\"businessUnit\":\"Marketing\"}]}"),
                equalTo("security file 'org.json': $.users[0].businessUnit: no business unit named 'Marketing'; known: Emulator Org"));
    }

    @Test
    void should_refuse_what_dataverse_would_not_hold_and_load_nothing_of_a_wrong_file() {
        // WHEN a file breaks a rule THEN it says which
        assertThat(refusal("{\"roles\":[{\"name\":\"R\",\"privileges\":{\"prvReadCompetitor\":\"Local\"}}]}"),
                equalTo("security file 'org.json': $.roles[0].privileges.prvReadCompetitor: prvReadCompetitor is on an "
                        + "organization-owned table: Global only, not Local"));
        assertThat(refusal("{\"users\":[{\"name\":\"Dana\"},{\"name\":\"Dana\"}]}"),
                equalTo("security file 'org.json': $.users[1].name: there is already a user named 'Dana'"));
        assertThat(refusal("{\"users\":[{\"name\":\"A\",\"token\":\"t\"},{\"name\":\"B\",\"token\":\"t\"}]}"),
                equalTo("security file 'org.json': $.users[1].token: another user has the same token"));
        assertThat(refusal("{\"users\":[{\"name\":\"A\",\"aadObjectId\":\"not-a-guid\"}]}"),
                equalTo("security file 'org.json': $.users[0].aadObjectId: 'not-a-guid' is not a GUID"));
        assertThat(refusal("{\"businessUnits\":[{\"name\":\"A\",\"parent\":\"B\"},{\"name\":\"B\",\"parent\":\"A\"}]}"),
                equalTo("security file 'org.json': $.businessUnits[0].parent: the parents go round in a circle: A -> B -> A"));
        assertThat(refusal("{\"users\": [\n  {\"name\": \"A\",}\n]}"), org.hamcrest.Matchers.startsWith(
                "security file 'org.json': $: not valid JSON (line 2, column "));
        // AND nothing of them was loaded: no token works, the start-up rows are the caller's alone
        assertThat(dv.service.startupRowCount(), equalTo(1));
        assertThat(ServiceDriver.json(dv.send("GET", "WhoAmI", null, "Authorization", "Bearer t")).path("UserId").asText(),
                equalTo(Caller.standard().userId().toString()));
    }

    private String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> dv.service.loadSecurity(json, "org.json")).getMessage();
    }
}

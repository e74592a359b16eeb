package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** FetchXML leaves out the rows the caller may not read, the entity's and the joined ones, as lists do (S5). */
class FetchXmlSecurityTest {

    private static final UUID ROOT = Caller.standard().businessUnitId();

    private final ServiceDriver dv = new ServiceDriver();
    private final UUID sales = dv.create("businessunits", "{\"name\":\"Sales\",\"parentbusinessunitid@odata.bind\":"
            + "\"/businessunits(" + ROOT + ")\"}");
    private final UUID dana = dv.create("systemusers", "{\"fullname\":\"Dana\",\"businessunitid@odata.bind\":"
            + "\"/businessunits(" + sales + ")\"}");

    private void grant(String... privileges) {
        UUID role = dv.create("roles", "{\"name\":\"Reader\",\"businessunitid@odata.bind\":\"/businessunits(" + sales + ")\"}");
        StringBuilder body = new StringBuilder("{\"Privileges\":[");
        for (int i = 0; i < privileges.length; i++) {
            String[] parts = privileges[i].split(":");
            body.append(i == 0 ? "" : ",").append("{\"PrivilegeName\":\"").append(parts[0]).append("\",\"Depth\":\"")
                    .append(parts[1]).append("\"}");
        }
        assertThat(dv.send("POST", "roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", body + "]}").status(),
                equalTo(204));
        assertThat(dv.send("POST", "systemusers(" + dana + ")/systemuserroles_association/$ref", ref("roles", role))
                .status(), equalTo(204));
    }

    private List<String> asDana(String set, String xml, String property) {
        EmulatorResponse response = dv.send("GET", set + "?fetchXml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)
                .replace("+", "%20"), null, "MSCRMCallerID", dana.toString());
        assertThat(response.bodyText(), response.status(), equalTo(200));
        List<String> out = new ArrayList<>();
        ServiceDriver.json(response).path("value").forEach(row -> out.add(row.path(property).asText(null)));
        return out;
    }

    @Test
    void should_leave_out_rows_and_joined_rows_the_caller_cannot_read() {
        // GIVEN Dana reads every account but only her own contacts; an account with one contact of hers, one not
        grant("prvReadAccount:Global", "prvReadContact:Basic");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        dv.create("contacts", "{\"lastname\":\"Theirs\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account
                + ")\"}");
        dv.create("contacts", "{\"lastname\":\"Hers\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account
                + ")\",\"ownerid@odata.bind\":\"/systemusers(" + dana + ")\"}");
        // WHEN Dana fetches contacts THEN only hers; AND joined from the account, only hers again
        assertThat(asDana("contacts", "<fetch><entity name='contact'><attribute name='lastname'/></entity></fetch>",
                "lastname"), contains("Hers"));
        assertThat(asDana("accounts", "<fetch><entity name='account'><attribute name='name'/><link-entity "
                + "name='contact' from='parentcustomerid' to='accountid' alias='c'><attribute name='lastname'/>"
                + "</link-entity></entity></fetch>", "c.lastname"), contains("Hers"));
        // AND the administrator sees both
        JsonNode all = ServiceDriver.json(dv.send("GET", "contacts?fetchXml=" + URLEncoder.encode(
                "<fetch><entity name='contact'><attribute name='lastname'/></entity></fetch>", StandardCharsets.UTF_8)
                .replace("+", "%20"), null));
        assertThat(all.path("value").size(), equalTo(2));
    }
}

package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two-phase check, sharing, impersonation and the security messages, without a socket. */
class SecurityTest {

    private static final UUID ROOT = Caller.standard().businessUnitId();
    private static final UUID ADMIN = Caller.standard().userId();
    private static final String DANA_AAD = "11111111-2222-4333-8444-555555555555";

    private final ServiceDriver dv = new ServiceDriver();
    private final UUID sales = dv.create("businessunits", "{\"name\":\"Sales\",\"parentbusinessunitid@odata.bind\":\"/businessunits("
            + ROOT + ")\"}");
    private final UUID dana = dv.create("systemusers", "{\"fullname\":\"Dana\",\"azureactivedirectoryobjectid\":\"" + DANA_AAD
            + "\",\"businessunitid@odata.bind\":\"/businessunits(" + sales + ")\"}");

    /** Gives Dana a new role holding {@code privileges} ({@code "prvReadAccount:Basic"}, …). */
    private void grant(String... privileges) {
        UUID role = dv.create("roles", "{\"name\":\"Salesperson\",\"businessunitid@odata.bind\":\"/businessunits(" + sales + ")\"}");
        StringBuilder body = new StringBuilder("{\"Privileges\":[");
        for (int i = 0; i < privileges.length; i++) {
            String[] parts = privileges[i].split(":");
            body.append(i == 0 ? "" : ",").append("{\"PrivilegeName\":\"").append(parts[0]).append("\",\"Depth\":\"")
                    .append(parts[1]).append("\"}");
        }
        assertThat(dv.send("POST", "roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", body + "]}").status(),
                equalTo(204));
        assertThat(dv.send("POST", "systemusers(" + dana + ")/systemuserroles_association/$ref", ref("roles", role)).status(),
                equalTo(204));
    }

    private String[] asDana() {
        return new String[] {"MSCRMCallerID", dana.toString()};
    }

    private static String jwtFor(String objectId) {
        String claims = "{\"oid\":\"" + objectId + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void should_refuse_a_create_without_the_privilege_with_0x80040220_naming_the_user_and_the_privilege() {
        // GIVEN Dana may read accounts, not create them
        grant("prvReadAccount:Global");
        // WHEN Dana creates an account
        EmulatorResponse refused = dv.send("POST", "accounts", "{\"name\":\"Contoso\"}", asDana());
        // THEN 403 PrivilegeDenied, and nothing was written
        assertThat(refused.status(), equalTo(403));
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x80040220"));
        assertThat(ServiceDriver.errorMessage(refused), startsWith("Principal user (Id=" + dana + ", type=8, roleCount=1, "
                + "privilegeCount=1, accessMode='0 Read-Write', AADObjectId='" + DANA_AAD + "', MetadataCachePrivilegesCount="));
        assertThat(ServiceDriver.errorMessage(refused).replaceAll("MetadataCachePrivilegesCount=\\d+", "M")
                .replaceAll("\\(Id=[0-9a-f-]{36}\\) on", "(Id=P) on"), equalTo("Principal user (Id=" + dana + ", type=8, "
                + "roleCount=1, privilegeCount=1, accessMode='0 Read-Write', AADObjectId='" + DANA_AAD + "', M, businessUnitId="
                + sales + "), is missing prvCreateAccount privilege (Id=P) on OTC=1 for entity 'account' (LocalizedName="
                + "'Account'). context.Caller=" + ADMIN + ". Consider adding missed privilege to one of the principal "
                + "(user/team) roles."));
        assertThat(dv.json("GET", "accounts").path("value").size(), equalTo(0));
    }

    @Test
    void should_refuse_a_row_beyond_the_depth_with_0x80048306_and_let_a_share_open_it() {
        // GIVEN an account the administrator owns in the root unit, and Dana reading accounts at Basic depth
        grant("prvReadAccount:Basic");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        // WHEN Dana reads it THEN 403 unManagedIdsAccessDenied
        EmulatorResponse refused = dv.send("GET", "accounts(" + account + ")", null, asDana());
        assertThat(refused.status(), equalTo(403));
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x80048306"));
        assertThat(ServiceDriver.errorMessage(refused), equalTo("user with id " + dana + " does not have ReadAccess right(s) "
                + "for record with id " + account + " of entity Account. Consider assigning a role with the required access "
                + "level to the user or team."));
        // AND a list leaves it out
        assertThat(ServiceDriver.json(dv.send("GET", "accounts", null, asDana())).path("value").size(), equalTo(0));
        // WHEN the administrator shares it with Dana THEN she reads it
        assertThat(dv.send("POST", "GrantAccess", "{\"Target\":{\"accountid\":\"" + account + "\",\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.account\"},\"PrincipalAccess\":{\"AccessMask\":\"ReadAccess\",\"Principal\":"
                + "{\"systemuserid\":\"" + dana + "\",\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\"}}}").status(),
                equalTo(204));
        assertThat(dv.send("GET", "accounts(" + account + ")", null, asDana()).status(), equalTo(200));
        assertThat(dv.json("GET", "systemusers(" + dana + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@tid)"
                + "?@tid={'@odata.id':'accounts(" + account + ")'}").path("AccessRights").asText(), equalTo("ReadAccess"));
        // WHEN the share is revoked THEN she cannot any more
        assertThat(dv.send("POST", "RevokeAccess", "{\"Target\":{\"accountid\":\"" + account + "\",\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.account\"},\"Revokee\":{\"systemuserid\":\"" + dana + "\",\"@odata.type\":"
                + "\"Microsoft.Dynamics.CRM.systemuser\"}}").status(), equalTo(204));
        assertThat(dv.send("GET", "accounts(" + account + ")", null, asDana()).status(), equalTo(403));
    }

    @Test
    void should_remove_a_rows_shares_and_a_roles_privilege_links_with_them() {
        // GIVEN an account shared with Dana, and a role of hers with two privileges
        grant("prvReadAccount:Basic", "prvAppendToAccount:Basic");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        dv.send("POST", "GrantAccess", "{\"Target\":{\"@odata.id\":\"accounts(" + account + ")\"},\"PrincipalAccess\":"
                + "{\"AccessMask\":\"ReadAccess\",\"Principal\":{\"@odata.id\":\"systemusers(" + dana + ")\"}}}");
        UUID role = UUID.fromString(dv.json("GET", "systemusers(" + dana + ")/systemuserroles_association?$select=roleid")
                .path("value").path(0).path("roleid").asText());
        long shares = count("principalobjectaccess ");
        long links = count("roleprivileges ");
        // WHEN the account and the role are deleted
        assertThat(dv.send("DELETE", "accounts(" + account + ")", null).status(), equalTo(204));
        assertThat(dv.send("DELETE", "roles(" + role + ")", null).status(), equalTo(204));
        // THEN the share and the two privilege links went with them, and Dana holds no role
        assertThat(count("principalobjectaccess "), equalTo(shares - 1));
        assertThat(count("roleprivileges "), equalTo(links - 2));
        assertThat(dv.json("GET", "systemusers(" + dana + ")/systemuserroles_association").path("value").size(), equalTo(0));
    }

    @Test
    void should_answer_an_unreachable_row_and_a_list_without_the_privilege_as_their_switches_say() {
        // GIVEN Dana reading accounts at Basic depth, and an account of the administrator's
        grant("prvReadAccount:Basic");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        // WHEN the org answers an unreachable row with 404 THEN she is told it does not exist
        dv.service.profile(BehaviourProfile.defaults().with("security-retrieve-inaccessible", "404"));
        EmulatorResponse hidden = dv.send("GET", "accounts(" + account + ")", null, asDana());
        assertThat(hidden.status(), equalTo(404));
        assertThat(ServiceDriver.errorMessage(hidden), equalTo("account With Id = " + account + " Does Not Exist"));
        // AND a list of contacts, which she may not read at all, is refused, or empty under security-list-no-privilege
        assertThat(ServiceDriver.errorCode(dv.send("GET", "contacts", null, asDana())), equalTo("0x80040220"));
        dv.service.profile(BehaviourProfile.defaults().with("security-list-no-privilege", "empty"));
        EmulatorResponse empty = dv.send("GET", "contacts", null, asDana());
        assertThat(empty.status(), equalTo(200));
        assertThat(ServiceDriver.json(empty).path("value").size(), equalTo(0));
        assertThat(dv.send("GET", "accounts(" + account + ")", null, asDana()).status(), equalTo(403));
    }

    @Test
    void should_copy_a_role_into_the_units_beneath_and_give_a_user_only_their_units_copy() {
        // GIVEN a unit West under Sales, and a role of Sales with one privilege
        UUID west = dv.create("businessunits", "{\"name\":\"West\",\"parentbusinessunitid@odata.bind\":\"/businessunits("
                + sales + ")\"}");
        UUID role = dv.create("roles", "{\"name\":\"Seller\",\"businessunitid@odata.bind\":\"/businessunits(" + sales
                + ")\"}");
        assertThat(dv.send("POST", "roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole",
                "{\"Privileges\":[{\"PrivilegeName\":\"prvReadAccount\",\"Depth\":\"Local\"}]}").status(), equalTo(204));
        UUID blake = dv.create("systemusers", "{\"fullname\":\"Blake\",\"businessunitid@odata.bind\":\"/businessunits("
                + west + ")\"}");
        // THEN West holds a copy of it, pointing at the role
        var copies = dv.json("GET", "roles?$select=roleid,name,_parentroleid_value&$filter=_parentrootroleid_value%20eq%20"
                + role).path("value");
        assertThat(copies.size(), equalTo(1));
        UUID copy = UUID.fromString(copies.path(0).path("roleid").asText());
        assertThat(copies.path(0).path("name").asText(), equalTo("Seller"));
        assertThat(copies.path(0).path("_parentroleid_value").asText(), equalTo(role.toString()));
        // WHEN the role itself is given to Blake THEN it is refused; its copy is not, and carries the role's privilege
        EmulatorResponse wrongUnit = dv.send("POST", "systemusers(" + blake + ")/systemuserroles_association/$ref",
                ref("roles", role));
        assertThat(wrongUnit.status(), equalTo(400));
        assertThat(ServiceDriver.errorCode(wrongUnit), equalTo("0x80041409"));
        assertThat(dv.send("POST", "systemusers(" + blake + ")/systemuserroles_association/$ref", ref("roles", copy))
                .status(), equalTo(204));
        assertThat(dv.json("GET", "systemusers(" + blake + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges")
                .path("RolePrivileges").path(0).path("PrivilegeName").asText(), equalTo("prvReadAccount"));
        // AND a copy cannot be deleted, the role can, and takes its copy and Blake's assignment with it
        assertThat(ServiceDriver.errorCode(dv.send("DELETE", "roles(" + copy + ")", null)), equalTo("0x8004140C"));
        assertThat(dv.send("DELETE", "roles(" + role + ")", null).status(), equalTo(204));
        assertThat(dv.send("GET", "roles(" + copy + ")", null).status(), equalTo(404));
        assertThat(dv.json("GET", "systemusers(" + blake + ")/systemuserroles_association").path("value").size(), equalTo(0));
    }

    @Test
    void should_give_a_new_unit_copies_of_its_parents_roles() {
        UUID role = dv.create("roles", "{\"name\":\"Seller\",\"businessunitid@odata.bind\":\"/businessunits(" + sales
                + ")\"}");
        UUID east = dv.create("businessunits", "{\"name\":\"East\",\"parentbusinessunitid@odata.bind\":\"/businessunits("
                + sales + ")\"}");
        assertThat(dv.json("GET", "roles?$select=name&$filter=_businessunitid_value%20eq%20" + east + "%20and%20"
                + "_parentrootroleid_value%20eq%20" + role).path("value").size(), equalTo(1));
    }

    private long count(String prefix) {
        return dv.service.describeState().keySet().stream().filter(key -> key.startsWith(prefix)).count();
    }

    @Test
    void should_never_let_a_share_rescue_a_missing_privilege() {
        // GIVEN Dana holds no Read privilege on accounts, and an account is shared with her
        grant("prvReadContact:Global");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        dv.send("POST", "GrantAccess", "{\"Target\":{\"@odata.id\":\"accounts(" + account + ")\"},\"PrincipalAccess\":"
                + "{\"AccessMask\":\"ReadAccess, WriteAccess\",\"Principal\":{\"@odata.id\":\"systemusers(" + dana + ")\"}}}");
        // WHEN she reads it THEN the privilege check refuses it
        EmulatorResponse refused = dv.send("GET", "accounts(" + account + ")", null, asDana());
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x80040220"));
    }

    @Test
    void should_need_append_on_the_child_and_append_to_on_the_parent_and_roll_a_change_set_back() {
        // GIVEN Dana may do everything to opportunities and read accounts, but not append to them
        grant("prvCreateOpportunity:Global", "prvReadOpportunity:Global", "prvWriteOpportunity:Global",
                "prvAppendOpportunity:Global", "prvReadAccount:Global");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        UUID opportunity = dv.create("opportunities", "{\"name\":\"Big deal\"}");
        // WHEN she associates them THEN AppendTo on the account is missing
        EmulatorResponse refused = dv.send("POST", "accounts(" + account + ")/opportunity_customer_accounts/$ref",
                ref("opportunities", opportunity), asDana());
        assertThat(refused.status(), equalTo(403));
        assertThat(ServiceDriver.errorMessage(refused), org.hamcrest.Matchers.containsString("is missing prvAppendToAccount privilege"));
        // WHEN she creates an opportunity bound to the account in a change set after another create THEN both roll back
        String batch = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
                + "--c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
                + "POST /api/data/v9.2/opportunities HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\"First\"}\r\n"
                + "--c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
                + "POST /api/data/v9.2/opportunities HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\"Second\","
                + "\"customerid_account@odata.bind\":\"/accounts(" + account + ")\"}\r\n--c--\r\n--b--\r\n";
        int before = dv.service.rowCount();
        EmulatorResponse answer = dv.send("POST", "$batch", batch, "Content-Type", "multipart/mixed; boundary=b",
                "MSCRMCallerID", dana.toString());
        assertThat(answer.bodyText(), org.hamcrest.Matchers.containsString("0x80040220"));
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_impersonate_by_header_stamp_the_row_and_answer_who_am_i_for_the_impersonated_user() {
        // GIVEN Dana may create contacts
        grant("prvCreateContact:Basic", "prvReadContact:Basic");
        // WHEN the administrator creates a contact as Dana, by her Entra object id
        EmulatorResponse created = dv.send("POST", "contacts", "{\"lastname\":\"Bo\"}", "CallerObjectId", DANA_AAD);
        assertThat(created.status(), equalTo(204));
        String url = created.header("OData-EntityId");
        UUID id = UUID.fromString(url.substring(url.lastIndexOf('(') + 1, url.length() - 1));
        // THEN Dana owns and created it, on the administrator's behalf
        var row = dv.json("GET", "contacts(" + id + ")?$select=_ownerid_value,_createdby_value,_createdonbehalfby_value,"
                + "_owningbusinessunit_value");
        assertThat(row.path("_ownerid_value").asText(), equalTo(dana.toString()));
        assertThat(row.path("_createdby_value").asText(), equalTo(dana.toString()));
        assertThat(row.path("_createdonbehalfby_value").asText(), equalTo(ADMIN.toString()));
        assertThat(row.path("_owningbusinessunit_value").asText(), equalTo(sales.toString()));
        // AND WhoAmI answers for Dana
        assertThat(ServiceDriver.json(dv.send("GET", "WhoAmI", null, asDana())).path("UserId").asText(), equalTo(dana.toString()));
        assertThat(ServiceDriver.json(dv.send("GET", "WhoAmI", null, asDana())).path("BusinessUnitId").asText(), equalTo(sales.toString()));
    }

    @Test
    void should_let_a_token_name_its_user_who_may_not_impersonate_without_prvActOnBehalfOfAnotherUser() {
        // GIVEN a request authenticated as Dana by her token's oid claim
        grant("prvReadAccount:Global");
        String token = jwtFor(DANA_AAD);
        // WHEN she asks who she is THEN Dana
        assertThat(ServiceDriver.json(dv.send("GET", "WhoAmI", null, "Authorization", token)).path("UserId").asText(), equalTo(dana.toString()));
        // WHEN she impersonates the administrator THEN 403 CannotActOnBehalfOfAnotherUser
        EmulatorResponse refused = dv.send("GET", "WhoAmI", null, "Authorization", token, "MSCRMCallerID", ADMIN.toString());
        assertThat(refused.status(), equalTo(403));
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x8004A110"));
        assertThat(ServiceDriver.errorMessage(refused), equalTo("User does not have the privilege to act on behalf another user."));
    }

    @Test
    void should_need_the_privilege_of_both_users_while_impersonating_unless_switched() {
        // GIVEN Carl, who may impersonate and read contacts but not create them, and Dana, who may create contacts
        grant("prvCreateContact:Global", "prvReadContact:Global");
        UUID carlRole = dv.create("roles", "{\"name\":\"Delegate\"}");
        dv.send("POST", "roles(" + carlRole + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", "{\"Privileges\":[{\"PrivilegeName\":"
                + "\"prvActOnBehalfOfAnotherUser\",\"Depth\":\"Global\"},{\"PrivilegeName\":\"prvReadContact\",\"Depth\":\"3\"}]}");
        UUID carl = dv.create("systemusers", "{\"fullname\":\"Carl\",\"azureactivedirectoryobjectid\":"
                + "\"99999999-2222-4333-8444-555555555555\",\"businessunitid@odata.bind\":\"/businessunits(" + ROOT + ")\"}");
        dv.send("POST", "systemusers(" + carl + ")/systemuserroles_association/$ref", ref("roles", carlRole));
        String carlToken = jwtFor("99999999-2222-4333-8444-555555555555");
        // WHEN Carl creates a contact as Dana THEN the intersection lacks prvCreateContact, named for Carl
        EmulatorResponse refused = dv.send("POST", "contacts", "{\"lastname\":\"Ann\"}", "Authorization", carlToken,
                "MSCRMCallerID", dana.toString());
        assertThat(ServiceDriver.errorCode(refused), equalTo("0x80040220"));
        assertThat(ServiceDriver.errorMessage(refused), startsWith("Principal user (Id=" + carl + ","));
        // WHEN only the impersonated user's privileges count THEN it is created
        assertThat(dv.send("POST", "contacts", "{\"lastname\":\"Ann\"}", "Authorization", carlToken, "MSCRMCallerID",
                dana.toString(), DataverseService.BEHAVIOUR_HEADER, "security-impersonation-privileges=impersonated-only")
                .status(), equalTo(204));
    }

    @Test
    void should_list_the_users_privileges_with_their_depth() {
        // GIVEN Dana reads accounts in her unit
        grant("prvReadAccount:Local");
        // WHEN her privileges are read THEN one entry, Local
        var list = dv.json("GET", "systemusers(" + dana + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges").path("RolePrivileges");
        assertThat(list.size(), equalTo(1));
        assertThat(list.get(0).path("PrivilegeName").asText(), equalTo("prvReadAccount"));
        assertThat(list.get(0).path("Depth").asText(), equalTo("Local"));
    }

    @Test
    void should_put_a_user_created_without_a_business_unit_in_the_root_unit() {
        // WHEN a user is created without businessunitid
        UUID carl = dv.create("systemusers", "{\"fullname\":\"Carl\"}");
        // THEN Carl belongs to the root unit, as in Dataverse; a unit given is kept
        assertThat(dv.lookup("systemusers", carl, "_businessunitid_value"), equalTo(ROOT.toString()));
        assertThat(dv.lookup("systemusers", dana, "_businessunitid_value"), equalTo(sales.toString()));
    }

    @Test
    void should_expand_ownerid_as_the_owning_user_or_team_with_its_type() {
        // GIVEN an account the administrator owns
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        // WHEN its ownerid is expanded THEN the owning user, named by @odata.type
        var owner = dv.json("GET", "accounts(" + account + ")?$select=name&$expand=ownerid($select=fullname)").path("ownerid");
        assertThat(owner.path("@odata.type").asText(), equalTo("#Microsoft.Dynamics.CRM.systemuser"));
        assertThat(owner.path("fullname").asText(), equalTo("Emulator Caller"));
        assertThat(owner.path("systemuserid").asText(), equalTo(ADMIN.toString()));
        // WHEN a team owns it THEN the team, with the team's columns only
        UUID team = dv.create("teams", "{\"name\":\"Sales team\",\"businessunitid@odata.bind\":\"/businessunits(" + sales + ")\"}");
        assertThat(dv.send("PATCH", "accounts(" + account + ")", "{\"ownerid@odata.bind\":\"/teams(" + team + ")\"}").status(),
                equalTo(204));
        var list = dv.json("GET", "accounts?$select=name&$expand=ownerid($select=fullname,name)").path("value").get(0).path("ownerid");
        assertThat(list.path("@odata.type").asText(), equalTo("#Microsoft.Dynamics.CRM.team"));
        assertThat(list.path("name").asText(), equalTo("Sales team"));
        assertThat(list.has("fullname"), equalTo(false));
        // WHEN a column neither has is selected THEN 400, naming the abstract type
        EmulatorResponse wrong = dv.send("GET", "accounts(" + account + ")?$expand=ownerid($select=nosuch)", null);
        assertThat(wrong.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(wrong), equalTo("Could not find a property named 'nosuch' on type "
                + "'Microsoft.Dynamics.CRM.principal'."));
    }

    @Test
    void should_filter_expanded_rows_by_read_access_as_lists_are() {
        // GIVEN Dana reads every account and only her own contacts; an account whose primary contact is not hers,
        // and two contacts of the account, one of them hers
        grant("prvReadAccount:Global", "prvReadContact:Basic");
        UUID theirs = dv.create("contacts", "{\"lastname\":\"Theirs\"}");
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\",\"primarycontactid@odata.bind\":\"/contacts(" + theirs + ")\"}");
        dv.send("PATCH", "contacts(" + theirs + ")", "{\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
        dv.create("contacts", "{\"lastname\":\"Hers\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account
                + ")\",\"ownerid@odata.bind\":\"/systemusers(" + dana + ")\"}");
        // WHEN Dana expands both THEN the single-valued one is null and the collection holds her contact only
        var row = ServiceDriver.json(dv.send("GET", "accounts(" + account + ")?$select=name&$expand=primarycontactid($select=lastname),"
                + "contact_customer_accounts($select=lastname)", null, asDana()));
        assertThat(row.path("primarycontactid").isNull(), equalTo(true));
        assertThat(row.path("contact_customer_accounts").size(), equalTo(1));
        assertThat(row.path("contact_customer_accounts").get(0).path("lastname").asText(), equalTo("Hers"));
        // AND the administrator sees both
        var all = dv.json("GET", "accounts(" + account + ")?$expand=primarycontactid($select=lastname),contact_customer_accounts");
        assertThat(all.path("primarycontactid").path("lastname").asText(), equalTo("Theirs"));
        assertThat(all.path("contact_customer_accounts").size(), equalTo(2));
    }
}

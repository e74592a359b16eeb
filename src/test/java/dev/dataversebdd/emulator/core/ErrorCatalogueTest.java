package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the error catalogue (E1–E20, src/site/markdown/sources.md) that the emulator models: status, code,
 * message, the Dataverse content type, and that nothing was written.
 */
class ErrorCatalogueTest {

    private static final ServiceDriver DV = new ServiceDriver();
    private static final UUID ACCOUNT = DV.create("accounts", "{\"name\":\"Contoso\",\"accountnumber\":\"A-1\"}");
    private static final UUID OPPORTUNITY = DV.create("opportunities", "{\"name\":\"Big deal\"}");
    private static final UUID CONTACT = DV.create("contacts", "{\"lastname\":\"Ann\"}");
    private static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-00000000dead");

    static Stream<Arguments> catalogue() {
        String refTo = ref("opportunities", OPPORTUNITY);
        return Stream.of(
                Arguments.of("E1 unknown set", "GET", "Accounts", null, 404, "0x80060888",
                        "Resource not found for the segment 'Accounts'."),
                Arguments.of("E1 unknown version", "GET", "/api/data/v7.0/accounts", null, 404, "0x80060888",
                        "Resource not found for the segment 'v7.0'."),
                Arguments.of("E2 column before $ref", "PUT", "contacts(" + CONTACT + ")/parentcustomerid/$ref",
                        ref("accounts", ACCOUNT), 400, "0x8006088a",
                        "The URI segment '$ref' is invalid after the segment 'parentcustomerid'."),
                Arguments.of("E3 unknown $select", "GET", "accounts(" + ACCOUNT + ")?$select=nmae", null, 400, "0x0",
                        "Could not find a property named 'nmae' on type 'Microsoft.Dynamics.CRM.account'."),
                Arguments.of("E4 wrong method", "POST", "accounts(" + ACCOUNT + ")", "{}", 404, "",
                        "No HTTP resource was found that matches the request URI '/api/data/v9.2/accounts(" + ACCOUNT + ")'."),
                Arguments.of("E5 source missing", "POST", "accounts(" + MISSING + ")/opportunity_customer_accounts/$ref",
                        refTo, 404, "0x80040217", "account With Id = " + MISSING + " Does Not Exist"),
                Arguments.of("E5 target missing", "POST", "accounts(" + ACCOUNT + ")/opportunity_customer_accounts/$ref",
                        ref("opportunities", MISSING), 404, "0x80040217", "opportunity With Id = " + MISSING + " Does Not Exist"),
                Arguments.of("E6 alternate key missing", "GET", "accounts(accountnumber='NOPE')", null, 404, "0x80060891",
                        "A record with the specified key values does not exist in account entity"),
                Arguments.of("E7 undeclared key", "GET", "accounts(name='Contoso')", null, 400, "0x80060888",
                        "The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'. Ensure that "
                                + "the names and number of key properties match the declared or alternate key properties "
                                + "for the resource 'Microsoft.Dynamics.CRM.account'."),
                Arguments.of("E8 bind on column", "POST", "contacts", "{\"lastname\":\"x\",\"parentcustomerid@odata.bind\":"
                        + "\"/accounts(" + ACCOUNT + ")\"}", 400, "0x80048d19", null),
                Arguments.of("E9 wrong case", "POST", "accounts", "{\"Name\":\"x\"}", 400, "0x0",
                        "An error occurred while validating input parameters: Microsoft.Crm.CrmException: Invalid property "
                                + "'Name' was found in entity 'Microsoft.Dynamics.CRM.account'. ---> "
                                + "Microsoft.OData.ODataException: Does not support untyped value in non-open type."),
                Arguments.of("E17 create activityparty", "POST", "activityparties", "{\"participationtypemask\":1}", 400,
                        "0x80040203", "The 'Create' method does not support entities of type 'activityparty'."),
                Arguments.of("E18 outside the service root", "POST", "accounts(" + ACCOUNT
                        + ")/opportunity_customer_accounts/$ref", "{\"@odata.id\":\"https://x.example/opportunities("
                        + OPPORTUNITY + ")\"}", 400, "0x0", null),
                Arguments.of("E20 POST single $ref", "POST", "opportunities(" + OPPORTUNITY + ")/customerid_account/$ref",
                        ref("accounts", ACCOUNT), 405, "0x80040315", null),
                Arguments.of("E20 PUT collection $ref", "PUT", "accounts(" + ACCOUNT + ")/opportunity_customer_accounts/$ref",
                        refTo, 405, "0x80040315", null),
                Arguments.of("braces in key", "GET", "accounts({" + ACCOUNT + "})", null, 400, "0x0", null),
                Arguments.of("malformed JSON", "POST", "accounts", "{\"name\":", 400, "0x0", null),
                Arguments.of("JSON array body", "POST", "accounts", "[]", 400, "0x0", null),
                Arguments.of("trailing garbage", "POST", "accounts", "{} {}", 400, "0x0", null),
                Arguments.of("empty $ref body", "POST", "accounts(" + ACCOUNT + ")/opportunity_customer_accounts/$ref",
                        "", 400, "0x0", null),
                Arguments.of("bad percent-encoding", "GET", "accounts(" + ACCOUNT + ")?$select=na%zzme", null, 400, "0x0", null),
                Arguments.of("unknown query option", "GET", "accounts?$bogus=1", null, 400, "0x0", null),
                Arguments.of("read-only lookup", "PATCH", "opportunities(" + OPPORTUNITY + ")", "{\"_customerid_value\":\""
                        + ACCOUNT + "\"}", 400, "0x0", null),
                Arguments.of("wrong value type", "PATCH", "accounts(" + ACCOUNT + ")", "{\"name\":42}", 400, "0x0", null),
                Arguments.of("odd method", "BREW", "accounts", null, 404, "", null),
                Arguments.of("batch without a boundary", "POST", "$batch", "--x", 400, "0x0", null),
                Arguments.of("apply is a gap", "GET", "accounts?$apply=groupby((name))", null, 501, "EMULATOR_GAP", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void should_answer_the_catalogued_error_and_write_nothing(String name, String method, String path, String body,
                                                             int status, String code, String message) {
        int rows = DV.service.rowCount();
        EmulatorResponse response = DV.send(method, path, body);
        assertThat(response.bodyText(), response.status(), equalTo(status));
        assertThat(response.header("Content-Type"), equalTo("application/json; odata.metadata=minimal"));
        assertThat(response.header("OData-Version"), equalTo("4.0"));
        assertThat(ServiceDriver.errorCode(response), equalTo(code));
        if (message != null) {
            assertThat(ServiceDriver.errorMessage(response), equalTo(message));
        }
        assertThat(DV.service.rowCount(), equalTo(rows));
        assertThat(DV.lookup("opportunities", OPPORTUNITY, "_customerid_value"), equalTo(null));
    }
}

package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests as scenarios send them, placed in the matrix by operation, relationship kind and reference form. */
class ConformanceCellsTest {

    private static final String ID = "00000000-0000-0000-0000-000000000001";
    private static final String UPPER = "ABCDEF00-0000-0000-0000-000000000002";
    private static final String ROOT = "http://127.0.0.1:1/api/data/v9.2/";

    private static final ConformanceCells CELLS = new ConformanceCells(schema());

    private static ClientSchema schema() {
        try (InputStream csdl = ConformanceCellsTest.class.getResourceAsStream("/dev/dataversebdd/emulator/metadata.xml")) {
            return ClientSchema.parse(csdl.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {3} / {4} / {5}")
    @CsvSource(delimiter = '|', value = {
        "POST|accounts(" + ID + ")/opportunity_customer_accounts/$ref|{\"@odata.id\":\"" + ROOT + "opportunities(" + ID + ")\"}|associate|1:N from the parent|absolute",
        "POST|opportunities(" + ID + ")/opportunitycompetitors_association/$ref|{\"@odata.id\":\"competitors(" + ID + ")\"}|associate|N:N|relative",
        "POST|accounts(" + ID + ")/account_parent_account/$ref|{\"@odata.id\":\"/accounts(" + ID + ")\"}|associate|self-referential|root-relative",
        "DELETE|accounts(" + ID + ")/opportunity_customer_accounts/$ref?$id=http%3A%2F%2Fh%2Fapi%2Fdata%2Fv9.2%2Fopportunities(" + ID + ")||disassociate ($id)|1:N from the parent|percent-encoded",
        "DELETE|accounts(" + ID + ")/opportunity_customer_accounts/$ref?$id=http://h/api/data/v8.2/opportunities(" + ID + ")||disassociate ($id)|1:N from the parent|other API version",
        "DELETE|accounts(" + ID + ")/opportunity_customer_accounts(" + ID + ")/$ref||disassociate (key segment)|1:N from the parent|key segment",
        "DELETE|opportunities(" + ID + ")/customerid_account/$ref||disassociate (single-valued)|multi-table lookup|none",
        "PUT|opportunities(" + ID + ")/customerid_account/$ref|{\"@odata.id\":\"" + ROOT + "accounts(accountnumber='A-1')\"}|rebind|multi-table lookup|alternate key",
        "PUT|accounts(" + ID + ")/primarycontactid/$ref|{\"@odata.id\":\"" + ROOT + "contacts(" + UPPER + ")\"}|rebind|N:1|upper-case GUID",
        "POST|opportunities|{\"name\":\"x\",\"parentaccountid@odata.bind\":\"/accounts(" + ID + ")\"}|bind on create|N:1|root-relative",
        "POST|emails|{\"subject\":\"x\",\"email_activity_parties\":[{\"participationtypemask\":2}]}|deep insert|activity party|nested row",
        "PATCH|opportunities(" + ID + ")|{\"customerid_account\":null}|unbind (nav: null)|multi-table lookup|none",
        "PATCH|opportunities(" + ID + ")|{\"parentaccountid@odata.bind\":null}|unbind (@odata.bind: null)|N:1|none",
        "PUT|emails(" + ID + ")/email_activity_parties|{\"value\":[]}|replace parties|activity party|bind",
    })
    void should_place_each_request_in_its_cell(String method, String path, String body, String operation,
                                               String relationship, String form) {
        List<ConformanceCells.Cell> cells = CELLS.of(new RecordedExchange(method, ROOT, "/api/data/v9.2/" + path, Map.of(),
                body, 204, Map.of(), "", 1));
        assertThat(cells.stream().map(c -> c.operation() + " / " + c.relationship() + " / " + c.form()).toList(),
                contains(operation + " / " + relationship + " / " + form));
    }

    @org.junit.jupiter.api.Test
    void should_place_each_request_of_a_batch_in_the_batch_row_with_content_id_references_and_the_error_code() {
        String body = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nPOST /api/data/v9.2/accounts HTTP/1.1\r\n"
                + "Content-Type: application/json\r\n\r\n{\"name\":\"x\"}\r\n--c\r\nContent-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\nPOST /api/data/v9.2/contacts HTTP/1.1\r\n"
                + "Content-Type: application/json\r\n\r\n{\"lastname\":\"y\",\"parentcustomerid_account@odata.bind\":\"$1\"}\r\n"
                + "--c--\r\n--b--\r\n";
        String answer = "--r\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{\"error\":{\"code\":\"0x0\",\"message\":\"m\"}}"
                + "\r\n--r--\r\n";
        List<ConformanceCells.Cell> cells = CELLS.of(new RecordedExchange("POST", ROOT, "/api/data/v9.2/$batch",
                Map.of("Content-Type", "multipart/mixed; boundary=b"), body, 400,
                Map.of("Content-Type", "multipart/mixed; boundary=r"), answer, 1));
        assertThat(cells.stream().map(c -> c.operation() + " / " + c.relationship() + " / " + c.form() + " / "
                + c.status() + " " + c.code()).toList(), contains("batch / none / none / 400 0x0",
                "batch / multi-table lookup / Content-ID / 400 0x0"));
        assertThat(cells.get(0).method(), equalTo("POST"));
    }
}

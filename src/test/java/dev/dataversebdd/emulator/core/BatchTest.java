package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code $batch} with change sets ("Execute batch operations using the Web API", D11; OData 4.0 Protocol §11.7). */
class BatchTest {

    private static final Pattern STATUS_LINE = Pattern.compile("\r\nHTTP/1\\.1 (\\d{3}) ");

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_create_three_tasks_in_a_change_set_then_read_them_in_a_later_get_part_as_the_page_shows() {
        // GIVEN an account
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        String bind = "\"regardingobjectid_account_task@odata.bind\":\"accounts(" + account + ")\"";
        // WHEN a batch holds a change set of three creates, then a GET of the account's tasks
        EmulatorResponse answer = batch(new Body()
                .changeSet(cs -> cs.part("1", "POST /api/data/v9.2/tasks", "{\"subject\":\"Task 1\"," + bind + "}")
                        .part("2", "POST /api/data/v9.2/tasks", "{\"subject\":\"Task 2\"," + bind + "}")
                        .part("3", "POST /api/data/v9.2/tasks", "{\"subject\":\"Task 3\"," + bind + "}"))
                .part(null, "GET /api/data/v9.2/accounts(" + account + ")/Account_Tasks?$select=subject", null));
        // THEN the batch is 200 multipart, the change set answers 204 per create with Location and OData-EntityId
        // and its Content-IDs, and the GET part sees the three tasks
        assertThat(answer.status(), equalTo(200));
        assertThat(answer.header("Content-Type"), startsWith("multipart/mixed; boundary=batchresponse_"));
        assertThat(statuses(answer), contains(204, 204, 204, 200));
        String text = answer.bodyText();
        assertThat(text, containsString("Content-Type: multipart/mixed; boundary=changesetresponse_"));
        assertThat(text, containsString("Content-ID: 3\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n"
                + "OData-EntityId: http://localhost/api/data/v9.2/tasks("));
        assertThat(text, containsString("Location: http://localhost/api/data/v9.2/tasks("));
        assertThat(text, containsString("\"subject\":\"Task 3\""));
        assertThat(dv.json("GET", "accounts(" + account + ")/Account_Tasks").path("value").size(), equalTo(3));
    }

    @Test
    void should_resolve_content_id_references_in_bodies_and_urls_within_a_change_set() {
        // WHEN one change set creates an account and two contacts, binds the first contact as primary contact in a
        // body ($2), rebinds it by URL ($1/primarycontactid/$ref with {"@odata.id":"$3"}) and adds $2 to the
        // account's contacts (POST $1/contact_customer_accounts/$ref)
        EmulatorResponse answer = batch(new Body().changeSet(cs -> cs
                .part("1", "POST /api/data/v9.2/accounts", "{\"name\":\"Contoso\"}")
                .part("2", "POST /api/data/v9.2/contacts", "{\"lastname\":\"Adams\"}")
                .part("3", "POST contacts", "{\"lastname\":\"Baker\"}")
                .part("4", "PATCH $1", "{\"primarycontactid@odata.bind\":\"$2\"}")
                .part("5", "PUT $1/primarycontactid/$ref", "{\"@odata.id\":\"$3\"}")
                .part("6", "POST $1/contact_customer_accounts/$ref", "{\"@odata.id\":\"$2\"}")));
        // THEN every part succeeded, and the state read back is what the references named
        assertThat(answer.bodyText(), statuses(answer), contains(204, 204, 204, 204, 204, 204));
        UUID account = idAfter(answer, "1");
        UUID adams = idAfter(answer, "2");
        UUID baker = idAfter(answer, "3");
        assertThat(dv.lookup("accounts", account, "_primarycontactid_value"), equalTo(baker.toString()));
        assertThat(dv.lookup("contacts", adams, "_parentcustomerid_value"), equalTo(account.toString()));
        // AND the PATCH part of $1 answered with the account's own URL, as the page shows for "PATCH $1"
        assertThat(answer.bodyText(), containsString("Content-ID: 4\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0"
                + "\r\nOData-EntityId: " + ServiceDriver.url("accounts", account)));
    }

    @Test
    void should_roll_back_every_earlier_request_of_a_change_set_when_one_fails() {
        // GIVEN the rows a fresh emulator holds
        int before = dv.service.rowCount();
        // WHEN the third request of a change set names a row that does not exist
        EmulatorResponse answer = batch(new Body().changeSet(cs -> cs
                .part("1", "POST accounts", "{\"name\":\"Contoso\"}")
                .part("2", "POST contacts", "{\"lastname\":\"Adams\",\"parentcustomerid_account@odata.bind\":\"$1\"}")
                .part("3", "PUT $1/primarycontactid/$ref", "{\"@odata.id\":\"" + ServiceDriver.url("contacts",
                        UUID.randomUUID()) + "\"}")));
        // THEN the batch answers that failure's status with one part, the failure, and nothing of the change set stays
        assertThat(answer.status(), equalTo(404));
        assertThat(statuses(answer), contains(404));
        assertThat(answer.bodyText(), not(containsString("changesetresponse_")));
        assertThat(answer.bodyText(), containsString("\"code\":\"0x80040217\""));
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_refuse_a_reference_to_a_content_id_not_yet_declared_with_nothing_applied() {
        int before = dv.service.rowCount();
        // WHEN a request references $1 before the request with Content-ID 1 (the page's own example)
        EmulatorResponse answer = batch(new Body().changeSet(cs -> cs
                .part("2", "POST contacts", "{\"lastname\":\"Adams\",\"parentcustomerid_account@odata.bind\":\"$1\"}")
                .part("1", "POST accounts", "{\"name\":\"QQQQ\"}")));
        // THEN 400 with the documented message
        assertThat(answer.status(), equalTo(400));
        assertThat(answer.bodyText(), containsString("Content-ID Reference: '$1' does not exist in the batch context."));
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_stop_at_the_first_failure_unless_the_batch_prefers_to_continue_on_error() {
        String tooLong = "{\"name\":\"" + "x".repeat(200) + "\"}";
        Body body = new Body().part(null, "POST accounts", tooLong).part(null, "POST accounts", "{\"name\":\"Two\"}")
                .part(null, "POST accounts", "{\"name\":\"Three\"}");
        int before = dv.service.rowCount();
        // WHEN the first of three creates fails, without a preference
        EmulatorResponse stopped = batch(body);
        // THEN the batch answers the failure's 400, with that failure only, and runs nothing after it
        assertThat(stopped.status(), equalTo(400));
        assertThat(statuses(stopped), contains(400));
        assertThat(dv.service.rowCount(), equalTo(before));
        // WHEN the same batch prefers odata.continue-on-error
        EmulatorResponse continued = batch(body, "Prefer", "odata.continue-on-error");
        // THEN it answers 200 with every part, the failure among them, and the later creates applied
        assertThat(continued.status(), equalTo(200));
        assertThat(statuses(continued), contains(400, 204, 204));
        assertThat(dv.service.rowCount(), equalTo(before + 2));
    }

    @Test
    void should_refuse_malformed_batches_with_a_dataverse_error_and_nothing_applied() {
        int before = dv.service.rowCount();
        String create = "{\"name\":\"Contoso\"}";
        // a GET inside a change set, after a valid create
        assertRefused(batch(new Body().changeSet(cs -> cs.part("1", "POST accounts", create)
                .part("2", "GET accounts", null))), "An invalid HTTP method 'GET' was detected");
        // a nested batch
        assertRefused(batch(new Body().part(null, "POST accounts", create).part(null, "POST $batch", "")),
                "can't contain other batch requests");
        // a part that is not application/http
        assertRefused(batch(new Body().part(null, "POST accounts", create).raw("Content-Type: text/plain\r\n\r\nhello")),
                "it must be 'application/http'");
        // a change set inside a change set
        assertRefused(batch(new Body().changeSet(cs -> cs.part("1", "POST accounts", create)
                .raw("Content-Type: multipart/mixed; boundary=inner\r\n\r\n--inner--"))), "nested change sets");
        // the same Content-ID twice in a change set
        assertRefused(batch(new Body().changeSet(cs -> cs.part("1", "POST accounts", create)
                .part("1", "POST accounts", create))), "The content ID '1' was found more than once");
        // a request of a change set without a Content-ID (OData 4.0 §11.7.3.1), after one that has it
        assertRefused(batch(new Body().changeSet(cs -> cs.part("1", "POST accounts", create)
                .part(null, "POST accounts", create))), "The header with name 'Content-ID' was not found in the "
                + "request 'POST accounts' of a change set");
        // more than 1,000 requests
        Body huge = new Body();
        for (int i = 0; i < 1001; i++) {
            huge.part(null, "POST accounts", create);
        }
        assertRefused(batch(huge), "The batch contains 1001 requests; a batch can contain up to 1000");
        // no boundary, and no closing boundary
        assertRefused(dv.send("POST", "$batch", "--x\r\n", "Content-Type", "multipart/mixed"), "batch boundary");
        assertRefused(dv.send("POST", "$batch", new Body().part(null, "POST accounts", create).text().replace(
                "--batch_AAA123--", ""), "Content-Type", "multipart/mixed; boundary=batch_AAA123"), "closing boundary");
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_answer_a_batch_written_with_bare_line_feeds_as_dataverse_does_with_nothing_applied() {
        int before = dv.service.rowCount();
        // WHEN the batch's lines end in LF only
        String body = new Body().part(null, "GET accounts", null).part(null, "POST accounts", "{\"name\":\"Contoso\"}")
                .text().replace("\r\n", "\n");
        EmulatorResponse answer = dv.send("POST", "$batch", body, "Content-Type", "multipart/mixed; boundary=batch_AAA123");
        // THEN 400, one part with the payload error that names the first entity set with a body ("Troubleshoot
        // Dataverse Web API client errors", D16)
        assertThat(answer.status(), equalTo(400));
        assertThat(statuses(answer), contains(400));
        assertThat(answer.bodyText(), containsString("\"code\":\"0x80048d19\""));
        assertThat(answer.bodyText(), containsString("Entity :'accounts' ----> InnerException : "
                + "System.ArgumentException: Stream was not readable."));
        assertThat(dv.service.rowCount(), equalTo(before));
    }

    @Test
    void should_apply_the_batch_behaviour_switches_versions_and_faults_to_its_parts_and_journal_each_part() {
        // GIVEN a fault that lets the batch and its first part through and fails the second
        dv.service.injectFault(new Fault(503, null, 1, 2));
        dv.service.clearJournal();
        // WHEN a batch sends three creates at the v8.2 path
        EmulatorResponse answer = batch(new Body().part(null, "POST /api/data/v8.2/accounts", "{\"name\":\"One\"}")
                .part(null, "POST /api/data/v8.2/accounts", "{\"name\":\"Two\"}")
                .part(null, "POST /api/data/v8.2/accounts", "{\"name\":\"Three\"}"), "Prefer", "odata.continue-on-error");
        // THEN only the second part fails, and the created rows' URLs keep the part's version
        assertThat(statuses(answer), contains(204, 503, 204));
        assertThat(answer.bodyText(), containsString("OData-EntityId: http://localhost/api/data/v8.2/accounts("));
        // AND the journal holds each part, then the batch
        List<String> journaled = dv.service.journal().stream().map(e -> e.method() + " " + e.target() + " " + e.status())
                .toList();
        assertThat(journaled, contains("POST /api/data/v8.2/accounts 204", "POST /api/data/v8.2/accounts 503",
                "POST /api/data/v8.2/accounts 204", "POST /api/data/v9.2/$batch 200"));
    }

    @Test
    void should_slow_only_the_part_an_injected_delay_targets() {
        // GIVEN a delay that lets the batch and its first part through and slows the second (over the admin surface)
        assertThat(dv.send("POST", "/_emulator/delays", "{\"millis\":500,\"times\":1,\"after\":2}").status(),
                equalTo(204));
        dv.service.clearJournal();
        // WHEN a batch of three creates runs
        EmulatorResponse answer = batch(new Body().part(null, "POST accounts", "{\"name\":\"One\"}")
                .part(null, "POST accounts", "{\"name\":\"Two\"}").part(null, "POST accounts", "{\"name\":\"Three\"}"));
        // THEN all succeed, and the second part finished at least the delay after the first
        assertThat(statuses(answer), contains(204, 204, 204));
        List<JournalEntry> journal = dv.service.journal();
        long gap = Duration.between(journal.get(0).receivedAt(), journal.get(1).receivedAt()).toMillis();
        assertThat("ms between the first and the second part", gap >= 490, equalTo(true));
        assertThat(dv.service.delaysRequests(), equalTo(false));
    }

    @Test
    void should_carry_the_batch_behaviour_header_to_its_parts_unless_a_part_sets_its_own() {
        UUID account = dv.create("accounts", "{\"name\":\"Contoso\"}");
        UUID adams = dv.create("contacts", "{\"lastname\":\"Adams\"}");
        String associate = "POST accounts(" + account + ")/contact_customer_accounts/$ref";
        String relative = "{\"@odata.id\":\"contacts(" + adams + ")\"}";
        // WHEN the batch accepts relative @odata.id, and its second part switches back to the default for itself
        String secondPart = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" + associate
                + " HTTP/1.1\r\nContent-Type: application/json\r\n" + DataverseService.BEHAVIOUR_HEADER
                + ": relative-odata-id=reject\r\n\r\n" + relative + "\r\n";
        EmulatorResponse answer = batch(new Body().part(null, associate, relative).raw(secondPart),
                DataverseService.BEHAVIOUR_HEADER, "relative-odata-id=accept", "Prefer", "odata.continue-on-error");
        // THEN the first part follows the batch's switch and the second its own
        assertThat(answer.bodyText(), statuses(answer), contains(204, 400));
    }

    @Test
    void should_read_a_part_url_a_client_did_not_percent_encode_between_the_first_and_the_last_space() {
        // GIVEN two accounts
        dv.create("accounts", "{\"name\":\"Fabrikam\"}");
        dv.create("accounts", "{\"name\":\"Contoso\"}");
        // WHEN a GET part's URL holds a space, as clients that do not encode part URLs send it
        EmulatorResponse answer = batch(new Body().part(null,
                "GET /api/data/v9.2/accounts?$select=name&$orderby=name asc", null));
        // THEN it is read as written: the accounts, ordered by name
        assertThat(answer.bodyText(), statuses(answer), contains(200));
        String text = answer.bodyText();
        assertThat(text.indexOf("\"name\":\"Contoso\""), lessThan(text.indexOf("\"name\":\"Fabrikam\"")));
    }

    @Test
    void should_answer_404_to_a_batch_sent_with_another_method() {
        EmulatorResponse answer = dv.send("GET", "$batch", null);
        assertThat(answer.status(), equalTo(404));
        assertThat(ServiceDriver.errorMessage(answer), containsString("No HTTP resource was found"));
    }

    // ---- helpers ----

    private EmulatorResponse batch(Body body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "multipart/mixed; boundary=\"batch_AAA123\"";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return dv.send("POST", "$batch", body.text(), all);
    }

    private static void assertRefused(EmulatorResponse answer, String message) {
        assertThat(answer.bodyText(), answer.status(), equalTo(400));
        assertThat(ServiceDriver.errorMessage(answer), containsString(message));
    }

    private static List<Integer> statuses(EmulatorResponse answer) {
        List<Integer> statuses = new ArrayList<>();
        Matcher m = STATUS_LINE.matcher(answer.bodyText());
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    private static UUID idAfter(EmulatorResponse answer, String contentId) {
        Matcher m = Pattern.compile("Content-ID: " + contentId + "\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0"
                + "\r\nOData-EntityId: [^\r]*\\(([0-9a-f-]{36})\\)").matcher(answer.bodyText());
        assertThat("Content-ID " + contentId + " in " + answer.bodyText(), m.find(), equalTo(true));
        return UUID.fromString(m.group(1));
    }

    /** A batch body written by hand, with CRLF line ends, as D11's examples are. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private final String boundary;

        Body() {
            this("batch_AAA123");
        }

        private Body(String boundary) {
            this.boundary = boundary;
        }

        Body part(String contentId, String requestLine, String json) {
            return raw("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n"
                    + (contentId == null ? "" : "Content-ID: " + contentId + "\r\n") + "\r\n" + requestLine
                    + " HTTP/1.1\r\n" + (json == null ? "\r\n" : "Content-Type: application/json\r\n\r\n" + json + "\r\n"));
        }

        Body raw(String part) {
            text.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
            return this;
        }

        Body changeSet(Consumer<Body> parts) {
            Body changes = new Body("changeset_BBB456");
            parts.accept(changes);
            return raw("Content-Type: multipart/mixed; boundary=changeset_BBB456\r\n\r\n" + changes.text());
        }

        String text() {
            return text + "--" + boundary + "--\r\n";
        }
    }

    @Test
    void should_keep_json_bodies_of_parts_intact_including_non_ascii_text() {
        EmulatorResponse answer = batch(new Body().changeSet(cs -> cs.part("1", "POST accounts", "{\"name\":\"Zürich Ünïcode\"}")));
        assertThat(statuses(answer), hasSize(1));
        UUID id = idAfter(answer, "1");
        JsonNode row = dv.json("GET", "accounts(" + id + ")?$select=name");
        assertThat(row.path("name").asText(), equalTo("Zürich Ünïcode"));
    }
}

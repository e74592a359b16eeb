package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.emulator.core.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch Content-ID references ({@code $1}) reach a live org as written where the guard can prove which row they
 * name: a row an earlier request of the same change set creates with an id the guard chose. Everything else stays
 * refused, unsent. The stand-in org's journal shows what reached it.
 */
class LiveContentIdTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PART = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n";

    @TempDir
    Path folder;

    private StandInOrg org;
    private UUID shared;

    @BeforeEach
    void seedTheOrg() {
        LOCAL.org().service().reset();
        org = new StandInOrg(LOCAL);
        shared = org.seed("Shared parent", "accounts", "{\"name\":\"Shared parent\"}");
        org.remember();
    }

    private DataverseSession open() {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        return Dataverse.connect(LocalOrg.target(settings)).openSession();
    }

    @Test
    void should_send_the_batch_features_content_id_references_as_written_and_place_them_in_the_matrix()
            throws Exception {
        // GIVEN a stand-in org, in live mode
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        // WHEN the batch features run against it, with the conformance plugin
        LiveFeatures.Outcomes outcomes = LiveFeatures.run(settings, "not @emulator-only",
                ", dev.dataversebdd.conformance.ConformancePlugin:" + folder.resolve("conformance"), "features/batch");
        // THEN they pass, and the org received $n leading URLs and as reference values of bodies
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.summary().getTestsSucceededCount(), greaterThanOrEqualTo(10L));
        String batches = String.join("\n", batchBodies());
        assertThat(batches, containsString("POST $1/contact_customer_accounts/$ref HTTP/1.1"));
        assertThat(batches, containsString("PUT $1/primarycontactid/$ref HTTP/1.1"));
        assertThat(batches, containsString("PATCH $1 HTTP/1.1"));
        assertThat(batches, containsString("\"customerid_account@odata.bind\":\"$1\""));
        assertThat(batches, containsString("\"primarycontactid@odata.bind\":\"$2\""));
        assertThat(batches, containsString("{\"@odata.id\":\"$2\"}"));
        // and the matrix of the live run has cells of the form Content-ID
        JsonNode matrix = JSON.readTree(Files.readString(folder.resolve("conformance/matrix.json")));
        assertThat(matrix.findValuesAsText("form"), hasItem("Content-ID"));
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_name_the_rows_a_dsl_change_set_creates_by_content_id_on_a_live_org() {
        try (DataverseSession dv = open()) {
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            dv.batch().changeSet(cs -> {
                RowRef contoso = cs.create(NewRow.of("account", "Contoso"));
                RowRef ann = cs.create(NewRow.of("contact", "Ann"));
                cs.rebind(contoso).via("primarycontactid").to(ann);
                cs.update(ann).bind("parentcustomerid_account", contoso).send();
                cs.associate(deal).to(contoso).via("opportunity_customer_accounts");
            }).send().isOk();
            String batch = batchBodies().get(batchBodies().size() - 1);
            assertThat(batch, containsString("PUT $1/primarycontactid/$ref HTTP/1.1"));
            assertThat(batch, containsString("PATCH $2 HTTP/1.1"));
            assertThat(batch, containsString("POST $1/opportunity_customer_accounts/$ref HTTP/1.1"));
            assertThat(batch, containsString("\"$2\""));
            dv.expect(dv.row("Contoso")).lookup("primarycontactid").pointsTo(dv.row("Ann"));
            dv.expect(dv.row("Ann")).lookup("parentcustomerid_account").pointsTo(dv.row("Contoso"));
            dv.expect(dv.row("Contoso")).collection("opportunity_customer_accounts").contains(deal);
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_name_a_new_row_by_the_id_the_guard_chose_where_a_content_id_cannot_stand() {
        try (DataverseSession dv = open()) {
            RowRef fabrikam = dv.create(NewRow.of("account", "Fabrikam")).row();
            dv.batch().changeSet(cs -> {
                RowRef ann = cs.create(NewRow.of("contact", "Ann"));
                cs.associate(ann).to(fabrikam).via("contact_customer_accounts");
                cs.disassociate(ann).from(fabrikam).via("contact_customer_accounts").byKeySegment();
            }).send().isOk();
            // $1 names the row leading a URL or as a body reference; inside a key segment the guard's id does
            String batch = batchBodies().get(batchBodies().size() - 1);
            assertThat(batch, containsString("{\"@odata.id\":\"$1\"}"));
            assertThat(batch, containsString("/contact_customer_accounts(" + dv.row("Ann").id() + ")/$ref"));
            dv.expect(fabrikam).collection("contact_customer_accounts").isEmpty();
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    /** {0}: what the batch does wrong; {1}: its change sets, parts split by '|'; {2}: what the refusal says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
        "a reference outside any change set; SINGLE POST contacts {\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"$1\"}"
                + "; is a Content-ID reference outside a change set",
        "a reference to a request that creates nothing; 1 PATCH accounts({own}) {\"name\":\"x\"}"
                + "|2 POST contacts {\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"$1\"}"
                + "; which creates no row with an id the guard chose",
        "a reference to a create whose id the author wrote; 1 POST accounts {\"accountid\":\"{random}\",\"name\":\"x\"}"
                + "|2 PUT $1/parentaccountid/$ref {\"@odata.id\":\"{root}/accounts({shared})\"}"
                + "; which creates no row with an id the guard chose",
        "a reference to a later request; 1 POST contacts {\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"$2\"}"
                + "|2 POST accounts {\"name\":\"x\"}; no earlier request of the change set has Content-ID 2",
        "a reference into another change set; 1 POST accounts {\"name\":\"x\"}"
                + "||2 PUT $1/parentaccountid/$ref {\"@odata.id\":\"{root}/accounts({shared})\"}"
                + "; no earlier request of the change set has Content-ID 1",
        "a reference inside a key segment; 1 POST accounts {\"name\":\"x\"}"
                + "|2 DELETE accounts({shared})/account_parent_account($1)/$ref -"
                + "; holds a batch Content-ID reference where the guard does not resolve one",
        "a reference behind a slash; 1 POST accounts {\"name\":\"x\"}"
                + "|2 PUT {root}/$1/parentaccountid/$ref {\"@odata.id\":\"{root}/accounts({shared})\"}"
                + "; holds a batch Content-ID reference where the guard does not resolve one",
        "a reference with a path behind it in a body; 1 POST accounts {\"name\":\"x\"}"
                + "|2 POST contacts {\"lastname\":\"x\",\"parentcustomerid_account@odata.bind\":\"$1/parentaccountid\"}"
                + "; Content-ID reference '$1/parentaccountid'",
        "a Content-ID declared twice; 1 POST accounts {\"name\":\"x\"}|1 POST accounts {\"name\":\"y\"}"
                + "|2 PUT $1/parentaccountid/$ref {\"@odata.id\":\"{root}/accounts({shared})\"}; is declared twice",
        "a reference that would change a foreign row; 1 POST accounts {\"name\":\"x\"}"
                + "|2 PUT accounts({shared})/parentaccountid/$ref {\"@odata.id\":\"$1\"}; a row the run did not create",
    })
    void should_refuse_a_content_id_reference_the_guard_cannot_prove_and_send_nothing(String why, String parts,
            String refusal) {
        try (DataverseSession dv = open()) {
            RowRef own = dv.create(NewRow.of("account", "Own")).row();
            long before = batchBodies().size();
            String batch = batch(parts.replace("{shared}", shared.toString()).replace("{own}", own.id().toString())
                    .replace("{root}", dv.serviceRoot())
                    .replace("{random}", UUID.randomUUID().toString()));
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.sendBatch(batch), why);
            assertThat(refused.getMessage(), containsString(refusal));
            assertThat("no batch reached the org", (long) batchBodies().size(), equalTo(before));
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    /**
     * A batch of {@code parts}: change sets split by "||", their requests by "|", each request
     * {@code <Content-ID> <method> <url> <body or ->}; {@code SINGLE} instead of a Content-ID: a request outside any
     * change set.
     */
    private static String batch(String parts) {
        StringBuilder text = new StringBuilder();
        for (String changeSet : parts.split("\\|\\|")) {
            String[] requests = changeSet.split("\\|");
            boolean single = requests[0].startsWith("SINGLE ");
            if (single) {
                text.append("--batch_A\r\n").append(part(requests[0].substring("SINGLE ".length()), null));
                continue;
            }
            text.append("--batch_A\r\nContent-Type: multipart/mixed; boundary=cs_B\r\n\r\n");
            for (String request : requests) {
                int space = request.indexOf(' ');
                text.append("--cs_B\r\n").append(part(request.substring(space + 1), request.substring(0, space)));
            }
            text.append("--cs_B--\r\n");
        }
        return text.append("--batch_A--\r\n").toString();
    }

    private static String part(String request, String contentId) {
        String[] words = request.split(" ", 3);
        String body = words[2].equals("-") ? "" : words[2];
        return PART + (contentId == null ? "" : "Content-ID: " + contentId + "\r\n") + "\r\n" + words[0] + " "
                + words[1] + " HTTP/1.1\r\nContent-Type: application/json\r\n\r\n" + body + "\r\n";
    }

    private static List<String> batchBodies() {
        return LOCAL.org().service().journal().stream().filter(e -> e.target().endsWith("$batch"))
                .map(JournalEntry::body).toList();
    }
}

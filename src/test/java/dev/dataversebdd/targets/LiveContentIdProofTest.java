package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.mutation.DeviatingServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Once a Content-ID reference has reached a live org, the create it names must answer 2xx with the row the guard
 * chose; here the org's answer (rewritten by a proxy on loopback) names another row, or says the create failed while
 * the request naming it succeeded, and the batch fails closed: the failure says which, and the rows the guard chose
 * are cleaned up.
 */
class LiveContentIdProofTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    /** The first {@code OData-EntityId} of a batch answer: the answer to the change set's first create. */
    private static final Pattern FIRST_ENTITY_ID = Pattern.compile("(OData-EntityId: [^\r\n]*accounts\\()([0-9a-f-]{36})");
    /** The first status line inside a batch answer: the change set's first create's. */
    private static final Pattern FIRST_STATUS = Pattern.compile("HTTP/1\\.1 204 No Content");

    @TempDir
    Path folder;

    private final UUID otherRow = UUID.randomUUID();
    /** How the proxy rewrites a batch answer. */
    private UnaryOperator<String> rewrite = UnaryOperator.identity();
    private DeviatingServer proxy;
    private StandInOrg org;

    @BeforeEach
    void startTheProxy() throws IOException {
        LOCAL.org().service().reset();
        org = new StandInOrg(LOCAL);
        org.remember();
        proxy = DeviatingServer.rewritingBatchAnswers(LOCAL.org().baseUri(), answer -> rewrite.apply(answer));
    }

    @AfterEach
    void stopTheProxy() {
        proxy.close();
    }

    @Test
    void should_fail_the_batch_when_the_create_a_content_id_names_answers_with_another_row() {
        rewrite = answer -> FIRST_ENTITY_ID.matcher(answer).replaceFirst("$1" + otherRow);
        AssertionFailedError failure = sendTheBatch();
        assertThat(failure.getMessage(), containsString("batch failed: expected the create with Content-ID 1 "
                + "answered 2xx with OData-EntityId naming accounts("));
        assertThat(failure.getMessage(), containsString("but was OData-EntityId or Location naming accounts(" + otherRow
                + ")"));
        assertThat(failure.getMessage(), containsString("check it by hand"));
        // the rows the guard chose (which the org really created) are gone again
        org.assertNothingLeftBehind();
    }

    @Test
    void should_fail_the_batch_when_a_request_using_a_content_id_succeeds_after_the_create_it_names_failed() {
        // a change set that is not all or nothing: the create answers 500, the request naming it 204
        rewrite = answer -> FIRST_STATUS.matcher(answer).replaceFirst("HTTP/1.1 500 Internal Server Error");
        AssertionFailedError failure = sendTheBatch();
        assertThat(failure.getMessage(), containsString("but was that create answered 500 Internal Server Error"));
        org.assertNothingLeftBehind();
    }

    private AssertionFailedError sendTheBatch() {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.url", proxy.baseUri());
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        try (DataverseSession dv = Dataverse.connect(LocalOrg.target(settings)).openSession()) {
            String batch = "--batch_A\r\nContent-Type: multipart/mixed; boundary=cs_B\r\n\r\n"
                    + "--cs_B\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
                    + "POST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\""
                    + dv.names().storedName("Mine") + "\"}\r\n"
                    + "--cs_B\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
                    + "POST contacts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"lastname\":\""
                    + dv.names().storedName("Ann") + "\",\"parentcustomerid_account@odata.bind\":\"$1\"}\r\n"
                    + "--cs_B--\r\n--batch_A--\r\n";
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> dv.sendBatch(batch));
            assertThat("the batch reached the org", LOCAL.org().service().journal().stream()
                    .filter(e -> e.target().endsWith("$batch")).count(), equalTo(1L));
            return failure;
        }
    }
}

package dev.dataversebdd.targets;

import static dev.dataversebdd.golden.GoldenFiles.assertGolden;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden file of a live-mode refusal, produced by real DSL calls against a stand-in org: what a team reads when
 * the guard stops a request that would change a row the run did not create.
 */
class LiveRefusalGoldenTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    @TempDir
    Path ledgers;

    @Test
    void should_say_which_foreign_row_a_refused_request_would_change_and_that_nothing_was_sent() {
        // GIVEN an org deal the run did not create, and an account the run did
        LOCAL.org().service().reset();
        UUID theirs = new StandInOrg(LOCAL).seed("Their deal", "opportunities", "{\"name\":\"Their deal\"}");
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", ledgers.toString());
        try (DataverseSession dv = Dataverse.connect(LocalOrg.target(settings)).openSession()) {
            RowRef mine = dv.create(NewRow.of("account", "Contoso")).row();
            RowRef foreign = dv.names().name("Their deal", "opportunity", theirs);
            // WHEN the run would bind the foreign deal to its account THEN the refusal reads as the golden file
            assertGolden("live-refusal.txt", assertThrows(RefusedRequest.class,
                    () -> dv.update(foreign).bind("customerid_account", mine).send()).getMessage());
        }
    }
}

package com.example.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.dsl.BatchOutcome;
import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import org.junit.jupiter.api.Test;

/** The README's batch sample, from outside the library's packages, against an embedded emulator. */
class BatchSampleTest {

    @Test
    void should_run_the_readme_batch_sample_and_leave_nothing_behind() {
        try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
            Dataverse dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));
            try (DataverseSession dv = dataverse.openSession()) {
                // WHEN the README's batch sample runs THEN every check in it passes
                // README sample, verbatim (ReadmeSamplesTest checks that it stays so):
                BatchOutcome sent = dv.batch()
                        .changeSet(cs -> {
                            RowRef contoso = cs.create(NewRow.of("account", "Contoso"));
                            RowRef ann = cs.create(NewRow.of("contact", "Ann").bind("parentcustomerid_account", contoso));
                            cs.rebind(contoso).via("primarycontactid").to(ann);
                        })
                        .get("accounts?$select=name")          // a read outside the change set
                        .send();
                sent.isOk();                                   // 200, every request 2xx
                sent.part(3).isNoContent();                    // the rebind
                dv.expect(dv.row("Contoso")).lookup("primarycontactid").pointsTo(dv.row("Ann"));
            }
            // THEN closing the session removed the rows of the change set
            assertThat(emulator.service().rowCount(), equalTo(emulator.service().startupRowCount()));
        }
    }
}

package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.junit.DataverseParallelism;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/** Parallel scenarios on a live org: one setting for their number, and the org's existing rows used one at a time. */
class ParallelScenariosTest {

    @TempDir
    Path folder;
    private LocalOrg local;

    @BeforeEach
    void start() throws Exception {
        local = new LocalOrg(folder, 3600);
    }

    @AfterEach
    void stop() {
        local.close();
        System.clearProperty("dataverse.parallelism");
    }

    private String seedAccount(String name) {
        local.org.service().requireBearerToken(null); // seeded as someone else would have, before the run
        EmulatorResponse created = local.org.service().handle(EmulatorRequest.of("POST", "/api/data/v9.2/accounts",
                "{\"name\":\"" + name + "\"}", Map.of("Content-Type", "application/json")));
        local.org.service().requireBearerToken(local.endpoint::isValid);
        String entityId = created.header("OData-EntityId");
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }

    @Test
    void should_run_scenarios_that_use_the_same_existing_row_one_after_the_other() throws Exception {
        // GIVEN an org row the run may use, and two scenarios at once that relink a row to it
        Map<String, String> settings = local.settings();
        settings.put("dataverse.existing-rows", "account:Contoso=" + seedAccount("Contoso"));
        boolean[] firstDealLeft = new boolean[1];
        try (Target target = LocalOrg.target(settings)) {
            Dataverse dataverse = Dataverse.connect(target);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch firstHasIt = new java.util.concurrent.CountDownLatch(1);
            Future<?> first = threads.submit(() -> {
                DataverseSession dv = dataverse.openSession();
                RowRef contoso = dv.row("Contoso");
                firstHasIt.countDown();
                RowRef deal = dv.create(NewRow.of("opportunity", "First deal")).row();
                dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
                Thread.sleep(500);
                dv.close();
                return null;
            });
            firstHasIt.await(30, TimeUnit.SECONDS); // the first has its turn
            Future<?> second = threads.submit(() -> {
                try (DataverseSession dv = dataverse.openSession()) {
                    RowRef contoso = dv.row("Contoso");
                    // its turn comes only once the first has cleaned up: the first's deal is gone by then
                    firstDealLeft[0] = local.org.service().describeState().values().stream()
                            .anyMatch(row -> row.contains("First deal"));
                    RowRef deal = dv.create(NewRow.of("opportunity", "Second deal")).row();
                    dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
                }
                return null;
            });
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
            threads.shutdown();
            dataverse.close();
        }
        // THEN the second used the row only once the first had cleaned up: not raced
        assertThat("the first scenario's row was still there when the second got the existing row", firstDealLeft[0],
                equalTo(false));
        // AND the org has its row and nothing of the run
        assertThat(local.org.service().rowCount(), equalTo(local.org.service().startupRowCount() + 1));
    }

    @Test
    void should_size_the_junit_pool_by_the_one_setting_and_never_grow_it() {
        // GIVEN dataverse.parallelism=3 WHEN the platform asks for its pool THEN 3 workers, saturated at 3
        System.setProperty("dataverse.parallelism", "3");
        ParallelExecutionConfiguration pool = new DataverseParallelism().createConfiguration(null);
        assertThat(pool.getParallelism(), equalTo(3));
        assertThat(pool.getMaxPoolSize(), equalTo(3));
        assertThat(pool.getSaturatePredicate().test(null), equalTo(true));
    }
}

package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Sweep;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A live run never touches rows it did not create, tags what it creates, and a sweep removes a killed run's rows. */
class LiveSafetyTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    private static Dataverse connect(Map<String, String> extra) {
        Map<String, String> settings = LOCAL.settings();
        settings.putAll(extra);
        return Dataverse.connect(LocalOrg.target(settings));
    }

    /** A row someone else made in the org, straight through the emulator's core. */
    private static String foreignAccount() {
        LOCAL.org().service().requireBearerToken(null);
        EmulatorResponse response = LOCAL.org().service().handle(EmulatorRequest.of("POST", "/api/data/v9.2/accounts",
                "{\"name\":\"Production customer\"}", Map.of("Host", "127.0.0.1")));
        LOCAL.org().service().requireBearerToken(LOCAL.endpoint()::isValid);
        String entityId = response.header("OData-EntityId");
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }

    @Test
    void should_refuse_to_delete_or_link_a_row_the_run_did_not_create() {
        String foreign = foreignAccount();
        try (DataverseSession dv = connect(Map.of()).openSession()) {
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            IllegalStateException delete = assertThrows(IllegalStateException.class,
                    () -> dv.send("DELETE", "accounts(" + foreign + ")").send());
            assertThat(delete.getMessage(), startsWith("refusing to send DELETE accounts(" + foreign + ") to live org"));
            assertThat(delete.getMessage(), containsString("it deletes foreign account " + foreign
                    + ", and a run deletes only rows it created"));
            assertThrows(IllegalStateException.class, () -> dv.send("POST", "accounts(" + foreign
                    + ")/opportunity_customer_accounts/$ref").body("{\"@odata.id\":\"" + dv.serviceRoot() + "/"
                    + deal.path() + "\"}").send());
        }
        LOCAL.org().service().requireBearerToken(null);
        assertThat(LOCAL.org().service().handle(EmulatorRequest.of("GET", "/api/data/v9.2/accounts(" + foreign + ")", null,
                Map.of())).status(), equalTo(200));
        LOCAL.org().service().requireBearerToken(LOCAL.endpoint()::isValid);
    }

    @Test
    void should_use_but_never_delete_rows_named_in_existing_rows() {
        String foreign = foreignAccount();
        try (DataverseSession dv = connect(Map.of("dataverse.existing-rows", "account:Shared customer=" + foreign))
                .openSession()) {
            RowRef shared = dv.provide(NewRow.of("account", "Shared customer"));
            assertThat(shared.id().toString(), equalTo(foreign));
            RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
            dv.associate(deal).to(shared).via("opportunity_customer_accounts").isNoContent();
            IllegalStateException delete = assertThrows(IllegalStateException.class,
                    () -> dv.send("DELETE", shared.path()).send());
            assertThat(delete.getMessage(), containsString("(rows in dataverse.existing-rows are used, never deleted)"));
        }
        LOCAL.org().service().requireBearerToken(null);
        assertThat(LOCAL.org().service().handle(EmulatorRequest.of("GET", "/api/data/v9.2/accounts(" + foreign + ")", null,
                Map.of())).status(), equalTo(200));
        LOCAL.org().service().requireBearerToken(LOCAL.endpoint()::isValid);
    }

    @Test
    void should_tag_created_rows_and_sweep_what_a_killed_run_left() {
        // GIVEN a run from 2020 that never cleaned up, and a run going on now
        Dataverse old = connect(Map.of("dataverse.run-tag", "dvbdd-20200101T000000Z-dead"));
        DataverseSession killed = old.openSession();
        killed.create(NewRow.of("account", "Left behind")).row();
        killed.create(NewRow.of("contact", "Also left")).row();
        DataverseSession running = connect(Map.of()).openSession();
        RowRef current = running.create(NewRow.of("account", "In use")).row();
        Dataverse dataverse = connect(Map.of());
        // WHILE the old run is still alive (it holds its ledger), however old its tag, the sweep leaves it alone
        assertThat(new Sweep(dataverse).olderThan(Duration.ofHours(2)).run().leftovers(), hasSize(0));
        old.close(); // the run has ended without cleaning up
        // WHEN a dry run looks for leftovers older than two hours
        Sweep.Report dry = new Sweep(dataverse).olderThan(Duration.ofHours(2)).run();
        // THEN it lists the killed run's rows only, and deletes nothing
        assertThat(dry.leftovers(), hasSize(2));
        assertThat(dry.leftovers().get(0).name(), startsWith("dvbdd-20200101T000000Z-dead "));
        assertThat(dry.leftovers().get(0).result(), equalTo("would delete"));
        // WHEN the sweep deletes
        Sweep.Report swept = new Sweep(dataverse).olderThan(Duration.ofHours(2)).dryRun(false).run();
        // THEN they are gone and the running run's row is untouched
        assertThat(swept.leftovers().stream().map(Sweep.Leftover::result).toList(), equalTo(List.of("deleted", "deleted")));
        assertThat(new Sweep(dataverse).olderThan(Duration.ofHours(2)).run().leftovers(), hasSize(0));
        running.expect(current).exists();
        running.close();
    }
}

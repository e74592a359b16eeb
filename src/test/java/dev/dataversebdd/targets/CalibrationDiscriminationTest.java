package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Participation;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.mutation.DeviatingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calibration learns only what discriminates (issue 24). The live scenarios of replace-parties.feature PUT parties
 * over parties the run's own email has, so replace-all, replace-present-types and rejected leave different parties and
 * a stand-in in each mode is learned as that mode. A PUT onto an email that has no parties leaves the same parties
 * under replace-all and replace-present-types: alone, that passing check settles neither. And a server that appends the
 * parties, or drops the last one sent, fits no mode: the run fails, in more than one scenario, and the profile says so.
 */
class CalibrationDiscriminationTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    private static final String FEATURE = "features/activity-parties/replace-parties.feature";
    private static final String SCENARIOS = "Replace an email's activity parties with PUT email_activity_parties - ";
    private static final String LIVE_CONFLICTS = "@conflict and not @emulator-only";

    @TempDir
    Path folder;

    @AfterEach
    void defaults() {
        LOCAL.org().service().profile(BehaviourProfile.defaults());
    }

    @ParameterizedTest(name = "activity-party-put={0}")
    @ValueSource(strings = {"replace-all", "replace-present-types", "rejected"})
    void should_learn_each_mode_as_itself_from_puts_over_existing_parties(String mode) throws Exception {
        // GIVEN an org whose activity-party PUT is the mode
        LOCAL.org().service().profile(BehaviourProfile.defaults().with("activity-party-put", mode));
        // WHEN the live @conflict scenarios run against it, with the conformance plugin
        LiveFeatures.Outcomes outcomes = run(LOCAL.settings(), LIVE_CONFLICTS);
        // THEN they pass and the profile holds that mode and no other
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.summary().getTestsSucceededCount(), equalTo(3L));
        assertThat(profile(), containsString("\nactivity-party-put=" + mode + "\n"));
    }

    @ParameterizedTest(name = "activity-party-put={0}")
    @ValueSource(strings = {"replace-all", "replace-present-types"})
    void should_not_learn_a_mode_from_a_check_that_every_mode_the_answer_fits_predicts_alike(String mode)
            throws Exception {
        // GIVEN an org whose activity-party PUT is the mode
        LOCAL.org().service().profile(BehaviourProfile.defaults().with("activity-party-put", mode));
        // WHEN only the PUT onto an email without parties runs (the one scenario tagged @seed-v9.0)
        LiveFeatures.Outcomes outcomes = run(LOCAL.settings(), "@seed-v9.0 and " + LIVE_CONFLICTS);
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.summary().getTestsSucceededCount(), equalTo(1L));
        // THEN the profile says the answers fit both modes, and claims neither
        String profile = profile();
        assertThat(profile, containsString("# activity-party-put: undetermined, the answers fit replace-all and "
                + "replace-present-types"));
        assertThat(profile, not(containsString("\nactivity-party-put=")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"appends instead of replacing", "drops the last party of the PUT"})
    void should_fail_at_least_two_live_scenarios_and_learn_no_mode_from_a_server_no_mode_describes(String deviation)
            throws Exception {
        // GIVEN a server in front of a replace-all org that appends the parties, or drops the last one sent
        try (DeviatingServer org = DeviatingServer.start(deviation.startsWith("appends") ? "activity-party/put-appends"
                : "activity-party/put-drops-last", LOCAL.org().baseUri())) {
            Map<String, String> settings = LOCAL.settings();
            settings.put("dataverse.url", org.baseUri());
            // WHEN the live @conflict scenarios run against it
            LiveFeatures.Outcomes outcomes = run(settings, LIVE_CONFLICTS);
            // THEN both PUTs over existing parties fail, each because the parties read back fit no mode
            assertThat(outcomes.summary().getTotalFailureCount(), greaterThanOrEqualTo(2L));
            assertThat(outcomes.failed(), hasItems(SCENARIOS + "Over a sender and a TO, a PUT of a CC and a TO leaves "
                    + "what only one mode predicts", SCENARIOS + "Over one TO, a PUT of two TOs leaves exactly those two"));
            assertThat(outcomes.failures(), containsString("check the parties of email"));
            // AND the profile learns no mode: it says that none describes the answers
            String profile = profile();
            assertThat(profile, containsString("# activity-party-put: no mode describes what 127.0.0.1:"));
            assertThat(profile, not(containsString("\nactivity-party-put=")));
        }
    }

    @Test
    void should_let_a_party_put_over_the_runs_own_email_through_and_refuse_one_over_an_email_of_the_org() {
        StandInOrg org = new StandInOrg(LOCAL);
        RowRef theirs = new RowRef("Theirs", "email", "emails", org.seed("Theirs", "emails", "{\"subject\":\"Theirs\"}"));
        org.remember();
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        try (DataverseSession dv = Dataverse.connect(LocalOrg.target(settings)).openSession()) {
            // GIVEN the run's own email with a TO
            RowRef ann = dv.create(NewRow.of("contact", "Ann")).row();
            RowRef bob = dv.create(NewRow.of("contact", "Bob")).row();
            RowRef mine = dv.create(NewRow.of("email", "Mine").withParties(List.of(Party.of(Participation.TO, ann))))
                    .row();
            // WHEN its parties are replaced THEN the PUT is sent and answered
            dv.replaceParties(mine).with(Participation.TO, bob).send().isNoContent();
            dv.expect(mine).parties().are(Party.of(Participation.TO, bob));
            // AND a PUT over the parties of an email the run did not create is refused before it is sent
            int sent = LOCAL.org().service().journal().size();
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.replaceParties(theirs)
                    .with(Participation.TO, bob).send());
            assertThat(refused.getMessage(), containsString("it changes foreign email " + theirs.id() + " (PUT on "
                    + "email_activity_parties), and a run changes only rows it created"));
            assertThat("nothing sent", LOCAL.org().service().journal().size(), equalTo(sent));
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    private LiveFeatures.Outcomes run(Map<String, String> settings, String tags) {
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        return LiveFeatures.run(settings, tags, ", dev.dataversebdd.conformance.ConformancePlugin:"
                + folder.resolve("conformance"), FEATURE);
    }

    private String profile() throws Exception {
        return Files.readString(folder.resolve("conformance/behaviour-profile.properties"));
    }
}

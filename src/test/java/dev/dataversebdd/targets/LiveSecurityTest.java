package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.AccessRight;
import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.Depth;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Privilege;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Security;
import dev.dataversebdd.emulator.core.BehaviourProfile;
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
 * Security scenarios in live mode against a stand-in org that has its own business units and users (no roles): the
 * run makes its roles and teams, gives them to those users, acts as them with {@code MSCRMCallerID}, and leaves every
 * row of the org as it was, field by field and link by link, with nothing of its own behind, the rows its users came
 * to own included. What the guard cannot prove safe (acting as a user it was not given, sharing a row of the org) is
 * refused before it is sent.
 */
class LiveSecurityTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    @TempDir
    Path folder;

    private StandInOrg org;
    private OrgPrincipals principals;

    @BeforeEach
    void seedTheOrg() {
        LOCAL.org().service().reset();
        principals = OrgPrincipals.seed(LOCAL.org().service(), LOCAL.endpoint()::isValid);
        org = new StandInOrg(LOCAL); // after the seeding: the units and users are the org's own
        org.remember();
        LOCAL.org().service().clearJournal();
    }

    @Test
    void should_pass_the_security_scenarios_as_the_orgs_users_and_leave_the_org_as_it_was() {
        // GIVEN the org's units and users named in dataverse.existing-rows
        Map<String, String> settings = settings(principals.existingRows());
        // WHEN features/security runs in live mode
        LiveFeatures.Outcomes outcomes = run(settings);
        // THEN every scenario passes but those that need the emulator's made-up tokens, acting as Dana on the wire
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.summary().getTestsSucceededCount(), greaterThanOrEqualTo(25L));
        assertThat(outcomes.aborted().size(), equalTo(7));
        assertThat(outcomes.reasons(), everyItem(startsWith("@emulator-only")));
        List<JournalEntry> asDana = LOCAL.org().service().journal().stream().filter(e -> principals.id("systemuser:Dana")
                .toString().equals(e.headers().get("MSCRMCallerID"))).toList();
        assertThat(asDana.size(), greaterThan(20));
        assertThat(asDana.stream().filter(e -> e.status() == 403).count(), greaterThan(10L));
        // AND the org's units and users are as they were: no role, no team, no share, no row of the run left
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"security-lookup-clear,write+append", "security-lookup-clear,write-only",
        "security-retrieve-inaccessible,404", "security-list-no-privilege,empty"})
    void should_record_the_orgs_answer_to_a_rule_the_sources_leave_open_in_the_behaviour_profile(String rule,
            String mode) throws Exception {
        // GIVEN an org that answers the rule as the mode says
        LOCAL.org().service().profile(BehaviourProfile.defaults().with(rule, mode));
        try {
            // WHEN the probes of the open rules run against it, with the conformance plugin
            LiveFeatures.Outcomes outcomes = LiveFeatures.run(settings(principals.existingRows()), null,
                    ", dev.dataversebdd.conformance.ConformancePlugin:" + folder.resolve("conformance"),
                    "features/security/open-rules.feature");
            assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
            // THEN the behaviour profile holds the org's mode, and the default of the rule it probed with it
            String profile = Files.readString(folder.resolve("conformance/behaviour-profile.properties"));
            assertThat(profile, containsString("\n" + rule + "=" + mode + "\n"));
            assertThat(profile, containsString("\nsecurity-nn-associate=append-both\n"));
        } finally {
            LOCAL.org().service().profile(BehaviourProfile.defaults());
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_skip_a_security_scenario_whose_users_are_not_named_and_say_which_line_to_add() {
        LiveFeatures.Outcomes outcomes = run(settings(null));
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(outcomes.summary().getTestsAbortedCount(), greaterThanOrEqualTo(25L));
        List<String> skippedForUsers = outcomes.reasons().stream().filter(r -> !r.startsWith("@emulator-only")).toList();
        assertThat(skippedForUsers.size(), greaterThanOrEqualTo(25));
        assertThat(skippedForUsers, everyItem(containsString("in dataverse.existing-rows, e.g. ")));
        assertThat(String.join("\n", outcomes.reasons()), containsString("businessunit:Sales=<businessunitid>"));
        org.assertNothingLeftBehind();
    }

    @Test
    void should_refuse_to_act_as_a_user_it_was_not_given_before_anything_is_sent() {
        try (DataverseSession dv = connect("businessunit:Sales=" + principals.id("businessunit:Sales"))) {
            RowRef deal = dv.create(NewRow.of("opportunity", "Deal")).row();
            RowRef stranger = new RowRef("Dana", "systemuser", "systemusers", principals.id("systemuser:Dana"));
            int sent = LOCAL.org().service().journal().size();
            RefusedRequest refused = assertThrows(RefusedRequest.class, () -> dv.as(stranger).update(deal)
                    .set("name", "Renamed").send());
            assertThat(refused.getMessage(), containsString("acts on behalf of it (MSCRMCallerID)"));
            assertThat(refused.getMessage(), containsString("not listed in dataverse.existing-rows"));
            assertThat("nothing sent", LOCAL.org().service().journal().size(), equalTo(sent));
            RefusedRequest byObjectId = assertThrows(RefusedRequest.class, () -> dv.send("PATCH", deal.path())
                    .header("CallerObjectId", "5c1e0000-0000-0000-0000-00000000abcd").body("{\"name\":\"x\"}").send());
            assertThat(byObjectId.getMessage(), containsString("CallerObjectId 5c1e0000-0000-0000-0000-00000000abcd names 0 "
                    + "users of the target"));
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_clean_up_the_rows_a_user_it_acted_as_came_to_own() {
        UUID created;
        UUID assigned;
        try (DataverseSession dv = connect(principals.existingRows())) {
            Security security = dv.security();
            RowRef sales = security.businessUnit("Sales").under(security.rootBusinessUnit());
            RowRef role = security.role("Seller").in(sales).grants(Privilege.of("prvCreateAccount",
                    Depth.GLOBAL), Privilege.of("prvReadAccount",
                    Depth.GLOBAL));
            RowRef dana = security.user("Dana").in(sales).withRoles(role);
            // GIVEN a row created as Dana (she owns it) and a row of the run assigned to her
            created = dv.as(dana).create(NewRow.of("account", "Hers")).row().id();
            RowRef other = dv.create(NewRow.of("account", "Assigned")).row();
            security.owner(other).is(dana).isNoContent();
            assigned = other.id();
            assertThat(LOCAL.org().service().describeState().get("account " + created), containsString(
                    principals.id("systemuser:Dana").toString()));
        }
        // WHEN the session closes THEN both are gone, with the run's role, and Dana is as she was
        assertThat(LOCAL.org().service().describeState().containsKey("account " + created), equalTo(false));
        assertThat(LOCAL.org().service().describeState().containsKey("account " + assigned), equalTo(false));
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_share_only_rows_of_the_run_and_only_with_users_it_may_use() {
        try (DataverseSession dv = connect(principals.existingRows())) {
            Security security = dv.security();
            RowRef dana = security.user("Dana").in(security.businessUnit("Sales").under(security.rootBusinessUnit()))
                    .withRoles();
            RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
            security.grantAccess(contoso).to(dana).rights(AccessRight.READ).isNoContent();
            RowRef theirs = new RowRef("Theirs", "account", "accounts", org.seed("Theirs", "accounts", "{\"name\":\"Theirs\"}"));
            org.remember();
            RefusedRequest foreignRow = assertThrows(RefusedRequest.class, () -> security.grantAccess(theirs).to(dana)
                    .rights(AccessRight.READ));
            assertThat(foreignRow.getMessage(), containsString("it changes foreign account"));
            assertThat(foreignRow.getMessage(), containsString("who may reach it (GrantAccess)"));
            RowRef stranger = new RowRef("Stranger", "systemuser", "systemusers", org.seed("Stranger", "systemusers",
                    "{\"fullname\":\"Stranger\"}"));
            org.remember();
            RefusedRequest foreignUser = assertThrows(RefusedRequest.class, () -> security.grantAccess(contoso)
                    .to(stranger).rights(AccessRight.READ));
            assertThat(foreignUser.getMessage(), containsString("GrantAccess's PrincipalAccess/Principal"));
            RefusedRequest otherAction = assertThrows(RefusedRequest.class, () -> dv.send("POST", "AddToQueue")
                    .body("{}").send());
            assertThat(otherAction.getMessage(), containsString("of the unbound actions the guard reads only GrantAccess"));
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_refuse_a_user_who_already_holds_a_role_of_their_own() {
        UUID role = org.seed("Their role", "roles", "{\"name\":\"Their role\",\"businessunitid@odata.bind\":"
                + "\"/businessunits(" + principals.id("businessunit:Sales") + ")\"}");
        org.pair("systemusers(" + principals.id("systemuser:Dana") + ")", "systemuserroles_association", "roles(" + role + ")");
        org = new StandInOrg(LOCAL); // the role's copy in West, which the org made, is the org's own too
        org.remember();
        try (DataverseSession dv = connect(principals.existingRows())) {
            Security security = dv.security();
            RowRef sales = security.businessUnit("Sales").under(security.rootBusinessUnit());
            IllegalStateException held = assertThrows(IllegalStateException.class, () -> security.user("Dana").in(sales)
                    .withRoles());
            assertThat(held.getMessage(), containsString("systemuser \"Dana\" (named in dataverse.existing-rows) already "
                    + "holds role \"Their role\""));
            IllegalStateException elsewhere = assertThrows(IllegalStateException.class, () -> security.user("Blake")
                    .in(sales).withRoles());
            assertThat(elsewhere.getMessage(), containsString("but the scenario needs the user in businessunit \"Sales\""));
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    private DataverseSession connect(String existingRows) {
        return Dataverse.connect(LocalOrg.target(settings(existingRows))).openSession();
    }

    private Map<String, String> settings(String existingRows) {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        if (existingRows != null) {
            settings.put("dataverse.existing-rows", existingRows);
        }
        return settings;
    }

    /** Runs features/security in live mode with {@code settings} as system properties. */
    private static LiveFeatures.Outcomes run(Map<String, String> settings) {
        return LiveFeatures.run(settings, null, "", "features/security");
    }
}

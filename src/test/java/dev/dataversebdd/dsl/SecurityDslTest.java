package dev.dataversebdd.dsl;

import static dev.dataversebdd.golden.GoldenFiles.assertGolden;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security vocabulary, {@code dv.as(user)} and the refusal checks, against the embedded emulator. */
class SecurityDslTest {

    private static final String STEP = "features/golden.feature:7";

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final DataverseSession dv = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator,
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(5)))).openSession().at(STEP);
    private final Security security = dv.security();
    private final RowRef sales = security.businessUnit("Sales").under(security.rootBusinessUnit());
    private final RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
    private final RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();

    @AfterEach
    void stop() {
        dv.close();
        emulator.close();
    }

    /** Dana may do everything to opportunities and read accounts, but not append to them. */
    private RowRef danaWithoutAppendTo() {
        RowRef role = security.role("Salesperson").in(sales).grants(Privilege.of("prvReadOpportunity", Depth.GLOBAL),
                Privilege.of("prvWriteOpportunity", Depth.GLOBAL), Privilege.of("prvAppendOpportunity", Depth.GLOBAL),
                Privilege.of("prvReadAccount", Depth.GLOBAL));
        return security.user("Dana").in(sales).withRoles(role);
    }

    @Test
    void should_refuse_an_associate_as_a_user_who_lacks_append_to() {
        // GIVEN
        RowRef dana = danaWithoutAppendTo();
        // WHEN
        Outcome outcome = dv.as(dana).associate(deal).to(contoso).via("opportunity_customer_accounts");
        // THEN
        outcome.isRefusedForLackOf("prvAppendToAccount");
        outcome.isRefusedForLackOf(dana, "prvappendtoaccount");
        assertThat(outcome.exchange().requestHeaders().get("MSCRMCallerID"), equalTo(dana.id().toString()));
        dv.expect(dana).hasAccessTo(contoso).including(AccessRight.READ).excluding(AccessRight.APPEND_TO);
        assertThat(dv.conformanceRecord(), containsString("\"limitedCaller\":true"));
    }

    @Test
    void should_say_who_acted_and_which_privilege_was_missing_when_access_was_expected() {
        // GIVEN
        RowRef dana = danaWithoutAppendTo();
        // WHEN
        AssertionError error = assertThrows(AssertionError.class, () -> dv.as(dana).associate(deal).to(contoso)
                .via("opportunity_customer_accounts").isDeniedAccessTo(contoso));
        // THEN
        assertGolden("security-denied-access-expected.txt", error.getMessage());
    }

    @Test
    void should_say_that_the_request_succeeded_when_a_refusal_was_expected() {
        // GIVEN Dana's role lets her append opportunities to accounts
        RowRef dana = danaWithoutAppendTo();
        security.addPrivileges(dv.row("role", "Salesperson"), Privilege.of("prvAppendToAccount", Depth.GLOBAL)).isNoContent();
        // WHEN
        AssertionError error = assertThrows(AssertionError.class, () -> dv.as(dana).associate(deal).to(contoso)
                .via("opportunity_customer_accounts").isRefusedForLackOf("prvAppendToAccount"));
        // THEN
        assertGolden("security-refusal-expected.txt", error.getMessage());
    }

    @Test
    void should_deny_a_row_beyond_the_depth_and_open_it_with_a_share_until_revoked() {
        // GIVEN Dana reads accounts at Basic depth; the administrator owns Contoso
        RowRef role = security.role("Reader").in(sales).grants(Privilege.of("prvReadAccount", Depth.BASIC));
        RowRef dana = security.user("Dana").in(sales).withRoles(role);
        // WHEN THEN
        dv.as(dana).send("GET", contoso.path()).send().isDeniedAccessTo(contoso);
        dv.expect(dana).hasNoAccessTo(contoso);
        // WHEN
        security.grantAccess(contoso).to(dana).rights(AccessRight.READ, AccessRight.WRITE).isNoContent();
        // THEN
        dv.as(dana).send("GET", contoso.path()).send().hasStatus(200);
        assertThat(dv.expect(dana).hasAccessTo(contoso).rights(), equalTo(Set.of(AccessRight.READ))); // Write needs the privilege too;
        // WHEN
        security.modifyAccess(contoso).to(dana).rights(AccessRight.READ).isNoContent();
        security.revokeAccess(contoso).from(dana).isNoContent();
        // THEN
        dv.as(dana).send("GET", contoso.path()).send().isDeniedAccessTo(contoso);
    }

    @Test
    void should_refuse_impersonation_to_a_user_without_act_on_behalf() {
        // GIVEN
        RowRef dana = danaWithoutAppendTo();
        RowRef carl = security.user("Carl").in(sales).withRoles();
        // WHEN THEN
        dv.signedInAs(carl).as(dana).send("GET", "WhoAmI").send().isRefusedToImpersonate();
    }

    @Test
    void should_fail_on_a_misspelt_privilege_before_sending() {
        // WHEN
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> security.role("Reader")
                .in(sales).grants(Privilege.of("prvAppendToAcount", Depth.LOCAL)));
        // THEN
        assertThat(error.getMessage(), containsString("did you mean 'prvAppendToAccount'?"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Depth.named("Locall")).getMessage(),
                containsString("did you mean 'Local'?"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> AccessRight.named("AppendToo")).getMessage(),
                containsString("did you mean 'AppendTo'?"));
    }

    @Test
    void should_give_a_row_to_a_team_whose_member_then_reaches_it() {
        // GIVEN a team whose role reads accounts at Basic depth, and Dana, a member without roles of her own
        RowRef reader = security.role("Reader").in(sales).grants(Privilege.of("prvReadAccount", Depth.BASIC));
        RowRef team = security.team("Key accounts").in(sales).withRoles(reader);
        RowRef dana = security.user("Dana").in(sales).withRoles();
        dv.associate(dana).to(team).via("teammembership_association").isNoContent();
        // WHEN
        security.owner(contoso).is(team).isNoContent();
        // THEN
        dv.as(dana).send("GET", contoso.path()).send().hasStatus(200);
        dv.expect(dana).hasAccessTo(contoso).including(AccessRight.READ);
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.AccessRight;
import dev.dataversebdd.dsl.Depth;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.Privilege;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Dataverse's security model: business units, roles, users, teams, owners, shares, acting as a user. */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SecuritySteps {

    private final World world;

    public SecuritySteps(World world) {
        this.world = world;
    }

    @Given("a businessunit {string} under the root business unit")
    public void aBusinessUnitUnderTheRoot(String alias) {
        world.security(s -> s.businessUnit(alias).under(s.rootBusinessUnit()));
    }

    @Given("a businessunit {string} under {row}")
    public void aBusinessUnitUnder(String alias, RowRef parent) {
        world.security(s -> s.businessUnit(alias).under(parent));
    }

    @Given("a role {string} in {row} granting {privilege} at {depth} depth")
    public void aRoleGranting(String alias, RowRef unit, String privilege, Depth depth) {
        world.security(s -> s.role(alias).in(unit).grants(Privilege.of(privilege, depth)));
    }

    @Given("a role {string} in {row} granting:")
    public void aRoleGrantingAll(String alias, RowRef unit, List<Privilege> privileges) {
        world.security(s -> s.role(alias).in(unit).grants(privileges.toArray(Privilege[]::new)));
    }

    @Given("{row} also grants {privilege} at {depth} depth")
    public void alsoGrants(RowRef role, String privilege, Depth depth) {
        world.security(s -> s.addPrivileges(role, Privilege.of(privilege, depth)).isNoContent());
    }

    @Given("a systemuser {string} in {row} with {row}")
    public void aUserWithRole(String alias, RowRef unit, RowRef role) {
        world.security(s -> s.user(alias).in(unit).withRoles(role));
    }

    @Given("a systemuser {string} in {row} without roles")
    public void aUserWithoutRoles(String alias, RowRef unit) {
        world.security(s -> s.user(alias).in(unit).withRoles());
    }

    @Given("a team {string} in {row} with {row}")
    public void aTeamWithRole(String alias, RowRef unit, RowRef role) {
        world.security(s -> s.team(alias).in(unit).withRoles(role));
    }

    @Given("{user} is a member of {row}")
    public void isAMemberOf(RowRef user, RowRef team) {
        world.givenAssociated(user, team, "teammembership_association");
    }

    @Given("{row} is owned by {row}")
    public void isOwnedBy(RowRef row, RowRef owner) {
        world.security(s -> s.owner(row).is(owner).isNoContent());
    }

    @When("{row} is shared with {row} for {rights}")
    public void isShared(RowRef row, RowRef principal, AccessRight[] rights) {
        world.outcome(world.session().security().grantAccess(row).to(principal).rights(rights)).isNoContent();
    }

    @When("the share of {row} with {row} is changed to {rights}")
    public void shareIsChanged(RowRef row, RowRef principal, AccessRight[] rights) {
        world.outcome(world.session().security().modifyAccess(row).to(principal).rights(rights)).isNoContent();
    }

    @When("{row} is no longer shared with {row}")
    public void isNoLongerShared(RowRef row, RowRef principal) {
        world.outcome(world.session().security().revokeAccess(row).from(principal)).isNoContent();
    }

    @When("as {user}, {row} is added to the {nav} of {row}")
    public void asUserIsAddedToThe(RowRef user, RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().as(user).associate(row).to(parent).via(world.navigationOf(parent, navigation)));
    }

    @When("as {user}, {row} is removed from the {nav} of {row}")
    public void asUserIsRemovedFromThe(RowRef user, RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().as(user).disassociate(row).from(parent).via(world.navigationOf(parent, navigation))
                .byIdQuery());
    }

    @When("as {user}, the {nav} of {row} is removed")
    public void asUserSingleIsRemoved(RowRef user, String navigation, RowRef row) {
        world.outcome(world.session().as(user).disassociate(row).via(world.navigationOf(row, navigation)));
    }

    @When("signed in as {user}, as {user}, {row} is added to the {nav} of {row}")
    public void signedInAsUserIsAddedToThe(RowRef signedIn, RowRef user, RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().signedInAs(signedIn).as(user).associate(row).to(parent)
                .via(world.navigationOf(parent, navigation)));
    }

    @When("as {user}, the {nav} of {row} is set to {row}")
    public void asUserIsSetTo(RowRef user, String navigation, RowRef row, RowRef target) {
        world.outcome(world.session().as(user).rebind(row).via(world.navigationOf(row, navigation)).to(target));
    }

    @When("as {user}, a(n) {table} {string} is created with its {nav} bound to {row}")
    public void asUserIsCreatedBound(RowRef user, String table, String alias, String navigation, RowRef target) {
        world.outcome(world.session().as(user).create(NewRow.of(table, alias)
                .bind(world.navigationOf(table, navigation), target)).outcome());
    }

    @When("as {user}, a(n) {table} {string} is created with parties:")
    public void asUserIsCreatedWithParties(RowRef user, String table, String alias, List<Party> parties) {
        world.outcome(world.session().as(user).create(NewRow.of(table, alias).withParties(parties)).outcome());
    }

    @When("as {user}, the parties of {row} are replaced with:")
    public void asUserPartiesAreReplaced(RowRef user, RowRef activity, List<Party> parties) {
        world.outcome(world.session().as(user).replaceParties(activity).withAll(parties).send());
    }

    @When("as {user}, {row} is read")
    public void asUserIsRead(RowRef user, RowRef row) {
        world.outcome(world.session().as(user).send("GET", row.path()).send());
    }

    @When("as {user}, a change set is sent:")
    public void asUserChangeSet(RowRef user, List<Map<String, String>> requests) {
        world.batch(BatchTable.send(world.session().as(user), requests, false));
    }

    @When("signed in as {user}, WhoAmI is asked as {user}")
    public void signedInAsAskedAs(RowRef signedIn, RowRef user) {
        world.outcome(world.session().signedInAs(signedIn).as(user).send("GET", "WhoAmI").send());
    }

    @When("WhoAmI is asked as {user}")
    public void askedAs(RowRef user) {
        world.outcome(world.session().as(user).send("GET", "WhoAmI").send());
    }

    @Then("the request is refused: {user} lacks {privilege}")
    public void isRefusedForLackOf(RowRef user, String privilege) {
        world.outcome().isRefusedForLackOf(user, privilege);
    }

    @Then("the request is denied: {user} has no access to {row}")
    public void isDeniedAccessTo(RowRef user, RowRef row) {
        world.outcome().isDeniedAccessTo(row).withMessageContaining(user.id().toString());
    }

    @Then("the request is refused: {user} may not act on behalf of another user")
    public void isRefusedToImpersonate(RowRef user) {
        world.outcome().isRefusedToImpersonate();
    }

    @Then("request {int} of the batch is refused: {user} lacks {privilege}")
    public void batchRequestIsRefused(int request, RowRef user, String privilege) {
        world.batch().part(request).isRefusedForLackOf(user, privilege);
    }

    @Then("{user} has {rights} access to {row}")
    public void hasAccess(RowRef user, AccessRight[] rights, RowRef row) {
        world.session().expect(user).hasAccessTo(row).including(rights);
    }

    @Then("{user} has no {rights} access to {row}")
    public void hasNoAccess(RowRef user, AccessRight[] rights, RowRef row) {
        world.session().expect(user).hasAccessTo(row).excluding(rights);
    }

    @Then("{user} has no access at all to {row}")
    public void hasNoAccessAtAll(RowRef user, RowRef row) {
        world.session().expect(user).hasNoAccessTo(row);
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Rows: creating them (plain, with binds, by deep insert) and naming rows learned from the target. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RowSteps {

    private final World world;

    public RowSteps(World world) {
        this.world = world;
    }

    @Given("a(n) {table} {string}")
    public void aRow(String table, String alias) {
        world.given(NewRow.of(table, alias));
    }

    /** {@code count} new rows of {@code table}, each named after the parent and numbered, added to the parent's {@code nav}. */
    @Given("{row} has {int} {table}s in its {nav}")
    public void hasMany(RowRef parent, int count, String table, String navigation) {
        world.givenMany(parent, count, table, world.navigationOf(parent, navigation));
    }

    @Given("a(n) {table} {string} with:")
    public void aRowWith(String table, String alias, Map<String, String> columns) {
        world.givenCreated(NewRow.of(table, alias).withText(columns));
    }

    @When("a(n) {table} {string} is created")
    public void isCreated(String table, String alias) {
        world.outcome(world.session().create(NewRow.of(table, alias)).outcome());
    }

    @When("a(n) {table} {string} is created with its {nav} bound to {row}")
    public void isCreatedBound(String table, String alias, String navigation, RowRef target) {
        world.outcome(world.session().create(NewRow.of(table, alias).bind(world.navigationOf(table, navigation), target)).outcome());
    }

    @When("a(n) {table} {string} is created with its {nav} bound to:")
    public void isCreatedBoundToAll(String table, String alias, String navigation, List<RowRef> targets) {
        world.outcome(world.session().create(NewRow.of(table, alias).bindAll(world.navigationOf(table, navigation), targets)).outcome());
    }

    /** Deep insert, one nested row per table row: | path | table | name |, parents before children. */
    @When("a(n) {table} {string} is created by deep insert with:")
    public void isCreatedByDeepInsert(String table, String alias, List<NewRow.Nested> rows) {
        world.outcome(world.session().create(NewRow.tree(table, alias, rows)).outcome());
    }

    @Given("a(n) {table} {string} with parties:")
    public void aRowWithParties(String table, String alias, List<Party> parties) {
        world.givenCreated(NewRow.of(table, alias).withParties(parties));
    }

    @When("a(n) {table} {string} is created with parties:")
    public void isCreatedWithParties(String table, String alias, List<Party> parties) {
        world.outcome(world.session().create(NewRow.of(table, alias).withParties(parties)).outcome());
    }

    @When("the created row is called {string}")
    public void theCreatedRowIsCalled(String alias) {
        world.session().names().nameLastCreated(alias);
    }

    @Given("the {nav} of {row} is known as {string}")
    public void isKnownAs(String navigation, RowRef row, String alias) {
        world.session().names().nameRelated(row, world.navigationOf(row, navigation), alias);
    }
}

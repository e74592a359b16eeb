package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Then;
import java.util.List;
import org.apiguardian.api.API;

/** Reads the state back, as Microsoft's documentation does after each operation. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReadBackSteps {

    private final World world;

    public ReadBackSteps(World world) {
        this.world = world;
    }

    @Then("the {nav} of {row} contain(s) {row}")
    public void contains(String navigation, RowRef row, RowRef member) {
        world.session().expect(row).collection(world.navigationOf(row, navigation)).contains(member);
    }

    @Then("the {nav} of {row} do(es) not contain {row}")
    public void doesNotContain(String navigation, RowRef row, RowRef member) {
        world.session().expect(row).collection(world.navigationOf(row, navigation)).doesNotContain(member);
    }

    @Then("the {nav} of {row} hold(s) {int} row(s)")
    public void holds(String navigation, RowRef row, int count) {
        world.session().expect(row).collection(world.navigationOf(row, navigation)).hasSize(count);
    }

    /** The lookup's formatted value (the related row's primary name); {@code "{name:Contoso}"} is its stored name. */
    @Then("the {nav} of {row} is shown as {string}")
    public void isShownAs(String navigation, RowRef row, String text) {
        world.session().expect(row).lookup(world.navigationOf(row, navigation)).isShownAs(world.interpolate(text));
    }

    /** Paged as a client pages: {@code Prefer: odata.maxpagesize} and each {@code @odata.nextLink} to the end. */
    @Then("the {nav} of {row}, read {int} at a time, hold(s) {int} row(s)")
    public void holdsInPages(String navigation, RowRef row, int pageSize, int count) {
        world.session().expect(row).collectionInPagesOf(world.navigationOf(row, navigation), pageSize).hasSize(count);
    }

    /** The rows as {@code table "alias"} cells, one a line, in the order expected. */
    @Then("the {nav} of {row}, ordered by {string}, are:")
    public void orderedAre(String navigation, RowRef row, String orderBy, List<String> members) {
        world.session().expect(row).collectionOrderedBy(world.navigationOf(row, navigation), orderBy).are(world.rows(members));
    }

    @Then("the {nav} of {row} is {row}")
    public void pointsTo(String navigation, RowRef row, RowRef target) {
        world.session().expect(row).lookup(world.navigationOf(row, navigation)).pointsTo(target);
    }

    @Then("the {nav} of {row} is/are empty")
    public void isEmpty(String navigation, RowRef row) {
        world.session().expect(row).hasNothingIn(world.navigationOf(row, navigation));
    }

    @Then("the {nav} of {row} points to a(n) {table}")
    public void pointsToTable(String navigation, RowRef row, String table) {
        world.session().expect(row).lookup(world.navigationOf(row, navigation)).pointsToTable(table);
    }

    @Then("the parties of {row} are:")
    public void partiesAre(RowRef activity, List<Party> parties) {
        world.session().expect(activity).parties().are(parties);
    }

    @Then("{row} no longer exists")
    public void noLongerExists(RowRef row) {
        world.session().expect(row).doesNotExist();
    }

    @Then("{row} still exists")
    public void stillExists(RowRef row) {
        world.session().expect(row).exists();
    }

    @Then("the parties of {row} include:")
    public void partiesInclude(RowRef activity, List<Party> parties) {
        world.session().expect(activity).parties().include(parties);
    }

    @Then("the {word} of {row} is {string}")
    public void columnIs(String column, RowRef row, String value) {
        world.session().expect(row).column(column).is(value);
    }

    @Then("the {word} of {row} is null")
    public void columnIsNull(String column, RowRef row) {
        world.session().expect(row).column(column).isNull();
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.ModeAnswer;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where Dataverse's sources disagree ([CONFLICT]) or are silent ([INF]). On the emulator a scenario checks the
 * configured mode; on a live org the same scenario reports which mode the org shows.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BehaviourSteps {

    private final World world;

    public BehaviourSteps(World world) {
        this.world = world;
    }

    @Given("the emulator behaviour {string} is {string}")
    public void emulatorBehaviourIs(String behaviour, String mode) {
        world.session().behaviours().switchTo(behaviour, mode);
    }

    @Then("the response follows the {string} behaviour")
    public void followsTheBehaviour(String behaviour) {
        world.session().behaviours().observe(behaviour, world.outcome());
    }

    /** {@code | mode | status | code |}: what each mode answers this probe, the code empty where any will do. */
    @Then("the response follows the {string} behaviour, its modes answering:")
    public void followsTheBehaviourAnswering(String behaviour, List<ModeAnswer> answers) {
        world.session().behaviours().observe(behaviour, world.outcome(), answers);
    }

    @Then("under {string} = {string}, the {nav} of {row} is {row}")
    public void underModePointsTo(String behaviour, String mode, String navigation, RowRef row, RowRef target) {
        world.under(behaviour, mode).pointsTo(row, world.navigationOf(row, navigation), target);
    }

    @Then("under {string} = {string}, the {nav} of {row} is/are empty")
    public void underModeIsEmpty(String behaviour, String mode, String navigation, RowRef row) {
        world.under(behaviour, mode).isEmpty(row, world.navigationOf(row, navigation));
    }

    @Then("under {string} = {string}, the {nav} of {row} contain(s) {row}")
    public void underModeContains(String behaviour, String mode, String navigation, RowRef row, RowRef member) {
        world.under(behaviour, mode).contains(row, world.navigationOf(row, navigation), member);
    }

    @Then("under {string} = {string}, the {nav} of {row} hold(s) {int} row(s)")
    public void underModeHolds(String behaviour, String mode, String navigation, RowRef row, int count) {
        world.under(behaviour, mode).holds(row, world.navigationOf(row, navigation), count);
    }

    @Then("under {string} = {string}, the parties of {row} are:")
    public void underModePartiesAre(String behaviour, String mode, RowRef activity, List<Party> parties) {
        world.under(behaviour, mode).partiesAre(activity, parties);
    }
}

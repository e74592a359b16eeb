package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Change;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.ReferenceForm;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.List;
import org.apiguardian.api.API;

/** Associate, disassociate, rebind, bind and unbind on update, and activity parties, in the business's words. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RelationshipSteps {

    private final World world;

    public RelationshipSteps(World world) {
        this.world = world;
    }

    @Given("{row} is in the {nav} of {row}")
    public void isInThe(RowRef row, String navigation, RowRef parent) {
        world.givenAssociated(row, parent, world.navigationOf(parent, navigation));
    }

    @Given("the {nav} of {row} is bound to {row}")
    public void theLookupIs(String navigation, RowRef row, RowRef target) {
        world.givenBound(row, world.navigationOf(row, navigation), target);
    }

    @Given("references are sent in {referenceForm} form")
    public void referencesAreSentIn(ReferenceForm form) {
        world.session().useReferenceForm(form);
    }

    @When("{row} is added to the {nav} of {row}")
    public void isAddedToThe(RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().associate(row).to(parent).via(world.navigationOf(parent, navigation)));
    }

    @When("{row} is removed from the {nav} of {row}")
    public void isRemovedFromThe(RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().disassociate(row).from(parent).via(world.navigationOf(parent, navigation)).byIdQuery());
    }

    @When("{row} is removed from the {nav} of {row} by key")
    public void isRemovedByKey(RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().disassociate(row).from(parent).via(world.navigationOf(parent, navigation)).byKeySegment());
    }

    @When("{row} is removed from the {nav} of {row} by percent-encoded $id")
    public void isRemovedByEncodedId(RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().disassociate(row).from(parent).via(world.navigationOf(parent, navigation)).byEncodedIdQuery());
    }

    @When("the {nav} of {row} is set to {row}")
    public void isSetTo(String navigation, RowRef row, RowRef target) {
        world.outcome(world.session().rebind(row).via(world.navigationOf(row, navigation)).to(target));
    }

    @When("the {nav} of {row} is removed")
    public void isRemoved(String navigation, RowRef row) {
        world.outcome(world.session().disassociate(row).via(world.navigationOf(row, navigation)));
    }

    @When("{row} is updated with its {nav} bound to {row}")
    public void isUpdatedBound(RowRef row, String navigation, RowRef target) {
        world.outcome(world.session().update(row).bind(world.navigationOf(row, navigation), target).send());
    }

    @When("{row} is updated with its {nav} set to null")
    public void isUpdatedNull(RowRef row, String navigation) {
        world.outcome(world.session().update(row).unbind(world.navigationOf(row, navigation)).send());
    }

    @When("{row} is updated with its {nav} and {nav} set to null")
    public void isUpdatedTwoNull(RowRef row, String first, String second) {
        world.outcome(world.session().update(row).unbind(world.navigationOf(row, first)).unbind(world.navigationOf(row, second)).send());
    }

    @When("{row} is updated with {nav}@odata.bind set to null")
    public void isUpdatedBindNull(RowRef row, String navigation) {
        world.outcome(world.session().update(row).unbindWithBindAnnotation(world.navigationOf(row, navigation)).send());
    }

    @When("{row} is updated with {nav}@odata.bind and {nav}@odata.bind set to null")
    public void isUpdatedTwoBindNull(RowRef row, String first, String second) {
        world.outcome(world.session().update(row).unbindWithBindAnnotation(world.navigationOf(row, first))
                .unbindWithBindAnnotation(world.navigationOf(row, second)).send());
    }

    /** | participation | party | such as | to | contact "Ann" |. */
    @When("the parties of {row} are replaced with:")
    public void partiesAreReplaced(RowRef activity, List<Party> parties) {
        world.outcome(world.session().replaceParties(activity).withAll(parties).send());
    }

    @Given("the API version is {word}")
    public void apiVersion(String version) {
        world.session().useApiVersion(version);
    }

    /** A PATCH written as a table: | property | value |, binding, clearing and setting in one request. */
    @When("{row} is updated with:")
    public void isUpdatedWith(RowRef row, List<Change> changes) {
        world.outcome(world.session().update(row).apply(changes).send());
    }

    /**
     * The navigation property is not checked against the schema before the request, so that a scenario can test
     * how the server refuses a wrong one.
     */
    @When("{row} is added to the unchecked navigation property {string} of {row}")
    public void isAddedUnchecked(RowRef row, String navigation, RowRef parent) {
        world.outcome(world.session().associate(row).to(parent).via(navigation));
    }
}

package dev.dataversebdd.steps;

import io.cucumber.java.en.Then;
import org.apiguardian.api.API;

/** Checks on the answer to the last When: Dataverse's 204 semantics, or its error. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OutcomeSteps {

    private final World world;

    public OutcomeSteps(World world) {
        this.world = world;
    }

    @Then("the request succeeds with 204 No Content")
    public void succeedsWithNoContent() {
        world.outcome().isNoContent();
    }

    @Then("the request fails with {int}")
    public void failsWith(int status) {
        world.outcome().failsWith(status);
    }

    @Then("the request fails with {int} and error code {string}")
    public void failsWithCode(int status, String code) {
        world.outcome().failsWith(status).withCode(code);
    }

    @Then("the error message contains {string}")
    public void errorMessageContains(String text) {
        world.outcome().hasErrorMessageContaining(world.interpolate(text));
    }

    @Then("the request fails with {int}, error code {string} and a message containing {string}")
    public void failsWithCodeAndMessage(int status, String code, String text) {
        world.outcome().failsWith(status).withCode(code).withMessageContaining(world.interpolate(text));
    }
}

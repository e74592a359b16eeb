package dev.dataversebdd.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Requests written by hand, for conformance work. Paths and bodies may name rows as {@code {Alias}} (their id)
 * and the service root as {@code {root}}: {@code opportunities({Big deal})/customerid_account/$ref}.
 */
public final class RawRequestSteps {

    private final World world;

    public RawRequestSteps(World world) {
        this.world = world;
    }

    @When("I send {method} {string}")
    public void send(String method, String path) {
        world.outcome(world.session().send(method, world.session().interpolate(path)).send());
    }

    @When("I send {method} {string} with body:")
    public void sendWithBody(String method, String path, String body) {
        world.outcome(world.session().send(method, world.session().interpolate(path))
                .body(world.session().interpolate(body)).send());
    }

    @When("I send {method} {string} with headers:")
    public void sendWithHeaders(String method, String path, Map<String, String> headers) {
        world.outcome(world.session().send(method, world.session().interpolate(path)).headers(headers).send());
    }

    @Given("the next request carries the header {string} with value {string}")
    public void nextRequestCarries(String name, String value) {
        world.session().headerForNextRequest(name, world.session().interpolate(value));
    }

    @Then("the response status is {int}")
    public void statusIs(int status) {
        world.outcome().hasStatus(status);
    }

    @Then("the response header {string} is {string}")
    public void headerIs(String name, String value) {
        world.outcome().hasHeader(name, equalTo(world.session().interpolate(value)));
    }

    @Then("the response header {string} ends with {string}")
    public void headerEndsWith(String name, String suffix) {
        world.outcome().hasHeader(name, endsWith(world.session().interpolate(suffix)));
    }

    @Then("the response has no header {string}")
    public void hasNoHeader(String name) {
        world.outcome().hasHeader(name, nullValue());
    }

    @Then("the response body is empty")
    public void bodyIsEmpty() {
        world.outcome().hasEmptyBody();
    }

    @Then("the response body is the count {int}")
    public void bodyIsTheCount(int count) {
        world.outcome().hasCount(count);
    }

    @Then("the response JSON {string} is {string}")
    public void jsonIs(String path, String value) {
        world.outcome().hasJsonValue(path, equalTo(world.session().interpolate(value)));
    }

    @Then("the response JSON {string} ends with {string}")
    public void jsonEndsWith(String path, String suffix) {
        world.outcome().hasJsonValue(path, endsWith(world.session().interpolate(suffix)));
    }

    @Then("the response JSON {string} is null")
    public void jsonIsNull(String path) {
        world.outcome().hasJsonValue(path, nullValue());
    }

    @Then("the response JSON {string} has {int} item(s)")
    public void jsonHasItems(String path, int count) {
        world.outcome().hasJsonValue(path, hasSize(count));
    }
}

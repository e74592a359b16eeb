package dev.dataversebdd.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Requests written by hand, for conformance work. Paths and bodies may name rows as {@code {Alias}} (their id)
 * and the service root as {@code {root}}: {@code opportunities({Big deal})/customerid_account/$ref}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RawRequestSteps {

    private final World world;

    public RawRequestSteps(World world) {
        this.world = world;
    }

    @When("I send {method} {string}")
    public void send(String method, String path) {
        world.outcome(world.request(method, path).send());
    }

    @When("I send {method} {string} with body:")
    public void sendWithBody(String method, String path, String body) {
        world.outcome(world.request(method, path).body(world.interpolate(body)).send());
    }

    @When("I send {method} {string} with headers:")
    public void sendWithHeaders(String method, String path, Map<String, String> headers) {
        world.outcome(world.request(method, path).headers(headers).send());
    }

    @Given("the next request carries the headers:")
    public void nextRequestCarriesHeaders(Map<String, String> headers) {
        world.nextRequestHeaders(headers);
    }

    @Given("the next request carries the header {string} with value {string}")
    public void nextRequestCarries(String name, String value) {
        world.session().headerForNextRequest(name, world.interpolate(value));
    }

    @Then("the response status is {int}")
    public void statusIs(int status) {
        world.outcome().hasStatus(status);
    }

    @Then("the response header {string} is {string}")
    public void headerIs(String name, String value) {
        world.outcome().hasHeader(name, world.interpolate(value));
    }

    @Then("the response header {string} ends with {string}")
    public void headerEndsWith(String name, String suffix) {
        world.outcome().hasHeaderEndingWith(name, world.interpolate(suffix));
    }

    @Then("the response has no header {string}")
    public void hasNoHeader(String name) {
        world.outcome().hasNoHeader(name);
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
        world.outcome().hasJsonValue(path, world.interpolate(value));
    }

    @Then("the response JSON {string} ends with {string}")
    public void jsonEndsWith(String path, String suffix) {
        world.outcome().hasJsonValueEndingWith(path, world.interpolate(suffix));
    }

    @Then("the response JSON {string} starts with {string}")
    public void jsonStartsWith(String path, String prefix) {
        world.outcome().hasJsonValueStartingWith(path, world.interpolate(prefix));
    }

    @Then("the response JSON {string} is null")
    public void jsonIsNull(String path) {
        world.outcome().hasJsonNull(path);
    }

    @Then("the response JSON {string} has {int} item(s)")
    public void jsonHasItems(String path, int count) {
        world.outcome().hasJsonItems(path, count);
    }
}

package dev.dataversebdd.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $batch}: change sets written as a table of requests (see {@link BatchTable}), or a multipart body written
 * in the feature, with {@code {Alias}} and {@code {root}} placeholders; then checks on the batch and on each of its
 * requests, counted in the order written.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class BatchSteps {

    private final World world;

    public BatchSteps(World world) {
        this.world = world;
    }

    @When("a change set is sent:")
    public void changeSet(List<Map<String, String>> requests) {
        world.batch(BatchTable.send(world.session(), requests, false));
    }

    @When("a batch is sent with the change sets:")
    public void changeSets(List<Map<String, String>> requests) {
        world.batch(BatchTable.send(world.session(), requests, false));
    }

    @When("a batch is sent with the change sets, continuing on error:")
    public void changeSetsContinuingOnError(List<Map<String, String>> requests) {
        world.batch(BatchTable.send(world.session(), requests, true));
    }

    /** The body's lines are sent with CRLF ends, as the format requires. */
    @When("I send the batch:")
    public void sendBatch(String body) {
        world.batch(world.session().sendBatch(world.interpolate(body).replace("\r\n", "\n").replace("\n", "\r\n")));
    }

    /** The body's lines are sent with bare LF ends, to see how the target takes them. */
    @When("I send the batch with bare line feeds:")
    public void sendBatchWithBareLineFeeds(String body) {
        world.batch(world.session().sendBatch(world.interpolate(body).replace("\r\n", "\n") + "\n"));
    }

    @Then("the batch succeeds")
    public void succeeds() {
        world.batch().isOk();
    }

    @Then("the batch answers {int}")
    public void answers(int status) {
        world.batch().hasStatus(status);
    }

    @Then("change set {int} of the batch is rolled back")
    public void rolledBack(int changeSet) {
        world.batch().changeSetIsRolledBack(changeSet);
    }

    @Then("change set {int} of the batch is committed")
    public void committed(int changeSet) {
        world.batch().changeSetIsCommitted(changeSet);
    }

    @Then("request {int} of the batch succeeds with 204 No Content")
    public void requestSucceeds(int request) {
        world.batch().part(request).isNoContent();
    }

    @Then("request {int} of the batch answers {int}")
    public void requestAnswers(int request, int status) {
        world.batch().part(request).hasStatus(status);
    }

    @Then("request {int} of the batch fails with {int} and error code {string}")
    public void requestFails(int request, int status, String code) {
        world.batch().part(request).failsWith(status).withCode(code);
    }

    @Then("request {int} of the batch fails with {int} and an error message containing {string}")
    public void requestFailsSaying(int request, int status, String text) {
        world.batch().part(request).failsWith(status).withMessageContaining(world.interpolate(text));
    }

    @Then("request {int} of the batch has JSON {string} with {int} item(s)")
    public void requestHasItems(int request, String path, int count) {
        world.batch().part(request).hasJsonItems(path, count);
    }

    @Then("request {int} of the batch has the header {string} ending with {string}")
    public void requestHeaderEndsWith(int request, String name, String suffix) {
        world.batch().part(request).hasHeaderEndingWith(name, world.interpolate(suffix));
    }
}

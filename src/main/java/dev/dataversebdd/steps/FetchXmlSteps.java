package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.FetchXmlRows;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * FetchXML queries ("Use FetchXml to retrieve data") and checks on the rows they return. The query text is
 * interpolated as request paths are: {@code {Contoso}} is the row's id, {@code {name:Contoso}} its name on the target.
 */
@API(status = API.Status.INTERNAL, since = "0.4")
public final class FetchXmlSteps {

    private final World world;
    private FetchXmlRows fetched;

    public FetchXmlSteps(World world) {
        this.world = world;
    }

    @When("I fetch:")
    public void fetch(String fetchXml) {
        fetched = world.session().fetch(world.interpolate(fetchXml)).rows();
    }

    /** "Page results using FetchXml": count, page and each page's paging cookie, until morerecords is false. */
    @When("I page through the fetch, {int} rows at a time:")
    public void pageThrough(int pageSize, String fetchXml) {
        fetched = world.session().fetch(world.interpolate(fetchXml)).pageThrough(pageSize);
    }

    @Then("the fetch returns {int} row(s)")
    public void returnsRows(int count) {
        fetched.hasRows(count);
    }

    @Then("the fetch returns {row}")
    public void returns(RowRef row) {
        fetched.contains(row);
    }

    @Then("the fetch does not return {row}")
    public void doesNotReturn(RowRef row) {
        fetched.doesNotContain(row);
    }

    /** Column names as the answer has them ({@code alias.column} for a link-entity's); values interpolated. */
    @Then("the fetch returns a row with:")
    public void returnsRowWith(Map<String, String> columns) {
        fetched.containsRow(columns.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                column -> world.interpolate(column.getValue()))));
    }

    @Then("the fetch read {int} page(s)")
    public void readPages(int count) {
        fetched.tookPages(count);
    }
}

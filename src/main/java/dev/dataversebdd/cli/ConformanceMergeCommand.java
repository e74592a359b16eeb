package dev.dataversebdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.conformance.ShardMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conformance merge --out DIR SHARD...}: the reports of a suite's shards (one reports folder per CI job) as the
 * reports of one run, with the same totals an unsplit run has.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
@Command(name = "merge", sortOptions = false,
        description = {"Merges the reports of a suite's shards (-Ddataverse.shard=i/n, one reports folder each) into the "
                + "reports of one run: the conformance matrix and behaviour profile, the Allure results, the Cucumber JSON.",
            "The Cucumber JSON it writes is the durations file the next run's shards are balanced by "
                + "(-Ddataverse.shard-durations=DIR/cucumber/cucumber.json)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged, and every cell conforms", "1:merged, and a cell differs or a scenario failed",
            "2:a usage error (a folder without a matrix)"})
public final class ConformanceMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the merged reports go")
    Path out;

    @Parameters(paramLabel = "SHARD", arity = "1..*", description = "each shard's reports folder (it holds conformance/matrix.json)")
    List<Path> shards;

    ConformanceMergeCommand() {
    }

    @Override
    public Integer call() {
        JsonNode summary;
        try {
            summary = ShardMerge.merge(shards, out);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot merge the shards into " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("conformance merge: " + shards.size() + " shards, "
                + summary.path("scenarios").asInt() + " scenarios (" + summary.path("passed").asInt() + " passed, "
                + summary.path("failed").asInt() + " failed, " + summary.path("skipped").asInt() + " skipped), "
                + summary.path("cells").asInt() + " cells (" + summary.path("conforming").asInt() + " conform, "
                + summary.path("differing").asInt() + " differ, " + summary.path("singleScenarioCells").asInt()
                + " backed by a single scenario); reports in " + out.toAbsolutePath());
        return summary.path("differing").asInt() == 0 && summary.path("failed").asInt() == 0 ? CommandLines.OK
                : CommandLines.FOUND_A_PROBLEM;
    }
}

package dev.dataversebdd.cli;

import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code conformance run|diff|replay|merge}: the conformance kit from the command line (src/site/markdown/conformance.md).
 * {@code run} runs the packaged suite against any URL with the rules of a live run, {@code diff} compares two runs'
 * matrices, {@code replay} replays a recording against a fresh embedded emulator.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Command(name = "conformance", description = "The conformance kit: run the packaged suite, compare two runs, replay a recording, merge shards.",
        subcommands = {ConformanceRunCommand.class, ConformanceDiffCommand.class, ConformanceReplayCommand.class,
            ConformanceMergeCommand.class},
        commandListHeading = "%nCommands (each answers --help):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:conforms, no cell differs, every answer as recorded", "1:something does not or differs",
            "2:a usage error"})
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    ConformanceCommand() {
    }

    /** The exit code of {@code conformance <args>}, without {@code System.exit}. */
    static int run(String... args) {
        return Main.run(Main.prefixed("conformance", args));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing: run, diff, replay or merge");
    }
}

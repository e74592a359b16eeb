package dev.dataversebdd.cli;

import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code metadata pull}: captures an org's metadata for the emulator (src/site/markdown/metadata.md). */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@Command(name = "metadata", description = "Your org's metadata for the emulator: pull captures it into a folder.",
        subcommands = {MetadataPullCommand.class},
        commandListHeading = "%nCommands (each answers --help):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:captured", "2:a usage or configuration error, or the org refused a request"})
public final class MetadataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    MetadataCommand() {
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing: pull");
    }
}

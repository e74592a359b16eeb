package dev.dataversebdd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The standalone program: {@code java -jar dataverse-bdd-<version>-standalone.jar <command>}, for teams that do not
 * write Java (a JavaScript app's integration tests, a .NET team's, {@code curl}). Every command answers
 * {@code --help} and {@code --version}, and exits 0 when it found nothing wrong, 1 when it ran and found a problem,
 * 2 on a usage or configuration error.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Command(name = Main.NAME, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "The Dataverse emulator, the sweep of what live runs left in an org, and the conformance suite.",
        subcommands = {EmulatorCommand.class, SweepCommand.class, HealthCommand.class, ConformanceCommand.class,
            MetadataCommand.class},
        commandListHeading = "%nCommands (each answers --help):%n",
        exitCodeListHeading = "%nExit codes (of every command):%n",
        exitCodeList = {"0:nothing wrong", "1:the command ran and found a problem (see its --help)",
            "2:a usage or configuration error"})
public final class Main implements Callable<Integer> {

    /** How the program is started, as the usage lines show it. */
    static final String NAME = "java -jar dataverse-bdd-standalone.jar";

    @Spec
    CommandSpec spec;

    Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without {@code System.exit}. */
    static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same, writing to {@code out} and {@code err}. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine command = CommandLines.create().setOut(out).setErr(err);
        int status = command.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** With {@code command} in front: how the commands' own {@code main}s (for exec:java) run. */
    static String[] prefixed(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing: emulator, sweep, health, conformance or metadata");
    }
}

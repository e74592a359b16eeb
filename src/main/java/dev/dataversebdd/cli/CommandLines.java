package dev.dataversebdd.cli;

import dev.dataversebdd.targets.ConfigurationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every command of the standalone program shares: its exit codes, and how a usage or configuration error is
 * said (one {@code error:} line on stderr, then for a wrong command line that command's usage line; never a stack
 * trace).
 */
final class CommandLines {

    /** The command did what it was asked and found nothing wrong. */
    static final int OK = 0;
    /** The command ran and found a problem: a scenario did not conform, the emulator does not answer, ... */
    static final int FOUND_A_PROBLEM = 1;
    /** The command could not run as asked: a wrong option or argument, a missing or malformed setting. */
    static final int USAGE = 2;

    private CommandLines() {
    }

    /** The standalone program's command tree, with its error handling. */
    static CommandLine create() {
        return new CommandLine(new Main())
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(new ExecutionErrors());
    }

    /** A wrong command line: the error, a suggestion when one is close, the usage line of the command it was for. */
    private static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException thrown, String[] args) {
            CommandLine command = thrown.getCommandLine();
            // A misspelt option is the news, not the required one it then seems to lack (--urll for --url).
            ParameterException e = !(thrown instanceof UnmatchedArgumentException) && !command.getUnmatchedArguments().isEmpty()
                    ? new UnmatchedArgumentException(command, command.getUnmatchedArguments()) : thrown;
            PrintWriter err = command.getErr();
            err.println("error: " + message(e, command));
            UnmatchedArgumentException.printSuggestions(e, err);
            err.print(command.getHelp().fullSynopsis());
            err.printf("Try '%s --help' for more information.%n", command.getCommandSpec().qualifiedName());
            err.flush();
            return USAGE;
        }

        private static String message(ParameterException e, CommandLine command) {
            boolean unknownCommand = e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-");
            return unknownCommand ? "unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'"
                    : e.getMessage();
        }
    }

    /**
     * A command that could not do what it was asked (a setting missing, a port taken) says so in one line and exits 2;
     * anything else is a defect, reported with its stack trace, and exits 1.
     */
    private static final class ExecutionErrors implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
            PrintWriter err = command.getErr();
            if (e instanceof ConfigurationException || e instanceof CommandException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return USAGE;
            }
            err.println("error: " + command.getCommandSpec().qualifiedName() + " failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return FOUND_A_PROBLEM;
        }
    }

    /** {@code dataverse-bdd 0.1.0}: the version in the jar's manifest, or "development" outside a jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dataverse-bdd " + version()};
        }

        static String version() {
            String version = Main.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }
    }
}

package dev.dataversebdd.cli;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.Sweep;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.ConfigurationException;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Deletes the rows killed runs left in a live org:
 * {@code mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.SweepCommand -Dexec.args="--older-than 2h"}.
 * Reads the same settings as a live run (dataverse.url, dataverse.allowed-hosts, credentials).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SweepCommand {

    static final String USAGE = """
            usage: SweepCommand --run <run id> [--delete]
                   SweepCommand [--older-than 2h|90m|1d] [--delete] [--tables account,contact]
              --run finishes the cleanup of one run from its ledger in dataverse.ledger-dir (default
                target/dataverse-bdd/runs): restores what it changed on existing rows, deletes every row it
                created (tagged or not); never touches a run that is still alive
              otherwise lists rows whose name carries a dataverse-bdd run tag older than the given age (default 2h)
              --delete does it (without it, nothing is changed: a dry run)
            """;

    private SweepCommand() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException | IllegalStateException | ConfigurationException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            status = 2;
        }
        System.exit(status);
    }

    static int run(String[] args) {
        Duration olderThan = Duration.ofHours(2);
        boolean delete = false;
        List<String> tables = List.of();
        String run = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--run" -> run = value(args, ++i, "--run");
                case "--older-than" -> olderThan = age(value(args, ++i, "--older-than"));
                case "--delete" -> delete = true;
                case "--tables" -> tables = Arrays.stream(value(args, ++i, "--tables").split(",")).map(String::trim).toList();
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Target target = Targets.fromConfiguration(Settings.fromSystem())) {
            if (run != null) {
                return finishRun(target, run, delete);
            }
            Sweep.Report report = new Sweep(Dataverse.connect(target)).olderThan(olderThan).dryRun(!delete).tables(tables).run();
            for (Sweep.Leftover leftover : report.leftovers()) {
                System.out.printf("%s %s(%s) \"%s\" (run started %s)%n", leftover.result(), leftover.entitySet(),
                        leftover.id(), leftover.name(), leftover.runStarted());
            }
            report.problems().forEach(problem -> System.err.println("problem: " + problem));
            System.out.printf("%d leftover row(s) older than %s on %s%s%n", report.leftovers().size(), olderThan,
                    target.description(), delete ? "" : " (dry run: add --delete to delete them)");
            return report.problems().isEmpty() ? 0 : 1;
        }
    }

    private static int finishRun(Target target, String runId, boolean delete) {
        Sweep.RunReport report = new Sweep(Dataverse.connect(target)).dryRun(!delete).finishRun(runId);
        report.done().forEach(System.out::println);
        report.problems().forEach(problem -> System.err.println("problem: " + problem));
        System.out.printf("run %s on %s: %d step(s)%s, %d problem(s)%n", report.runId(), target.description(),
                report.done().size(), delete ? "" : " (dry run: add --delete to do them)", report.problems().size());
        return report.problems().isEmpty() ? 0 : 1;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static Duration age(String text) {
        if (!text.matches("\\d+[mhd]")) {
            throw new IllegalArgumentException("--older-than takes minutes, hours or days such as 90m, 2h or 1d, not '"
                    + text + "'");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}

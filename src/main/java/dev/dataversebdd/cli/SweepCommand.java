package dev.dataversebdd.cli;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.Sweep;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.ConfigurationException;
import dev.dataversebdd.targets.LiveOrgConfiguration;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Deletes the rows killed runs left in a live org:
 * {@code mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.SweepCommand -Dexec.args="--older-than 2h"}.
 * Reads the same settings as a live run (dataverse.target=live, dataverse.url, dataverse.allowed-hosts,
 * credentials), and refuses to run without them.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Command(name = "sweep", sortOptions = false,
        description = {"Removes what killed live runs left in a live org; it reads the settings of a live run "
                + "(README, \"Run against your org\") and refuses to run without them.",
            "With --run: finishes the cleanup of one run from its ledger in dataverse.ledger-dir (default "
                + LiveOrgConfiguration.DEFAULT_LEDGER_DIR + "): restores what it changed on existing rows, deletes every "
                + "row it created (tagged or not); never touches a run that is still alive.",
            "Otherwise: lists rows whose name carries a dataverse-bdd run tag older than --older-than.",
            "Without --delete nothing is changed: a dry run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or, in a dry run, listed)", "1:a row could not be removed or restored (problem: lines)",
            "2:a usage error, or the live settings are missing"})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "<run id>", description = "the run to finish, e.g. dvbdd-20261122T031500Z-4f2a")
    String run;

    @Option(names = "--older-than", paramLabel = "<age>", defaultValue = "2h",
            description = "90m, 2h or 1d: rows of runs started longer ago than that (default ${DEFAULT-VALUE})")
    String olderThan;

    @Option(names = "--tables", paramLabel = "<table>", split = ",", description = "only these tables, e.g. account,contact")
    List<String> tables = new ArrayList<>();

    @Option(names = "--delete", description = "do it (without it: a dry run that changes nothing)")
    boolean delete;

    SweepCommand() {
    }

    /** For {@code mvn exec:java}: the same as {@code java -jar …-standalone.jar sweep <args>}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit code of {@code sweep <args>}, without {@code System.exit}. */
    static int run(String... args) {
        return Main.run(Main.prefixed("sweep", args));
    }

    @Override
    public Integer call() {
        Duration age;
        try {
            age = age(olderThan);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Settings settings = Settings.fromSystem();
        requireLiveSettings(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Target target = Targets.fromConfiguration(settings)) {
            return run != null ? finishRun(target, out, err) : sweepTagged(target, age, out, err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // no ledger of that run, a run still alive, a ledger of another org: refused before anything was done
            throw new CommandException(e.getMessage());
        }
    }

    private int sweepTagged(Target target, Duration age, PrintWriter out, PrintWriter err) {
        List<String> only = tables.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        Sweep.Report report = new Sweep(Dataverse.connect(target)).olderThan(age).dryRun(!delete).tables(only).run();
        for (Sweep.Leftover leftover : report.leftovers()) {
            out.printf("%s %s(%s) \"%s\" (run started %s)%n", leftover.result(), leftover.entitySet(),
                    leftover.id(), leftover.name(), leftover.runStarted());
        }
        report.problems().forEach(problem -> err.println("problem: " + problem));
        out.printf("%d leftover row(s) older than %s on %s%s%n", report.leftovers().size(), age,
                target.description(), delete ? "" : " (dry run: add --delete to delete them)");
        return report.problems().isEmpty() ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
    }

    private int finishRun(Target target, PrintWriter out, PrintWriter err) {
        Sweep.RunReport report = new Sweep(Dataverse.connect(target)).dryRun(!delete).finishRun(run);
        report.done().forEach(out::println);
        report.problems().forEach(problem -> err.println("problem: " + problem));
        out.printf("run %s on %s: %d step(s)%s, %d problem(s)%n", report.runId(), target.description(),
                report.done().size(), delete ? "" : " (dry run: add --delete to do them)", report.problems().size());
        return report.problems().isEmpty() ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
    }

    /**
     * A sweep of anything but a live org would sweep a throw-away emulator and report it clean: every setting a live
     * target needs is checked first, and all that are missing are named in one message.
     */
    static void requireLiveSettings(Settings settings) {
        List<String> missing = new ArrayList<>();
        String target = settings.get(Targets.TARGET).orElse("");
        if (!target.equals("live")) {
            missing.add(line(Targets.TARGET + "=live", (target.isEmpty() ? "" : "(it is '" + target + "') ") + "-D"
                    + Targets.TARGET + "=live or " + Settings.environmentName(Targets.TARGET) + "=live"));
        }
        if (settings.get(LiveOrgConfiguration.URL).isEmpty()) {
            missing.add(line(LiveOrgConfiguration.URL, "the org, e.g. https://contoso-test.crm.dynamics.com: "
                    + how(LiveOrgConfiguration.URL)));
        }
        if (settings.get(LiveOrgConfiguration.ALLOWED_HOSTS).isEmpty()) {
            missing.add(line(LiveOrgConfiguration.ALLOWED_HOSTS, "the org's host, e.g. contoso-test.crm.dynamics.com: "
                    + how(LiveOrgConfiguration.ALLOWED_HOSTS)));
        }
        boolean token = settings.get(LiveOrgConfiguration.TOKEN).isPresent();
        boolean application = settings.get(LiveOrgConfiguration.TENANT_ID).isPresent()
                && settings.get(LiveOrgConfiguration.CLIENT_ID).isPresent()
                && (settings.get(LiveOrgConfiguration.CLIENT_SECRET).isPresent()
                        || settings.get(LiveOrgConfiguration.CLIENT_CERTIFICATE).isPresent());
        if (!token && !application) {
            missing.add(line("credentials", how(LiveOrgConfiguration.TOKEN) + ", or the app registration's "
                    + Settings.environmentName(LiveOrgConfiguration.TENANT_ID) + ", "
                    + Settings.environmentName(LiveOrgConfiguration.CLIENT_ID) + " and "
                    + Settings.environmentName(LiveOrgConfiguration.CLIENT_SECRET) + " (or "
                    + Settings.environmentName(LiveOrgConfiguration.CLIENT_CERTIFICATE) + ")"));
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("sweep works on a live org only, and " + (missing.size() == 1 ? "this setting is"
                    : "these settings are") + " missing:\n" + String.join("\n", missing) + "\nThey are the settings of the "
                    + "live run whose rows it removes (README, \"Run against your org\"); without them it would look at a "
                    + "throw-away emulator.");
        }
    }

    private static String line(String setting, String how) {
        return String.format("  %-24s %s", setting, how);
    }

    private static String how(String setting) {
        return "-D" + setting + "=... or " + Settings.environmentName(setting) + "=...";
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

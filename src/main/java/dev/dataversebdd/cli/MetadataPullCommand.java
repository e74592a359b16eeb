package dev.dataversebdd.cli;

import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.MetadataCapture;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metadata pull --url <org> --out <folder> [--tables a,b]}: writes the org's {@code $metadata} with its table
 * and relationship definitions into a folder the emulator loads with {@code --metadata-dir}. From a checkout:
 * {@code mvn -q compile exec:java -Dexec.mainClass=dev.dataversebdd.cli.MetadataPullCommand -Dexec.args="--url … --out …"}.
 * Reads the credentials and the allow-list of a live run; sends nothing but GETs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@Command(name = "pull", sortOptions = false,
        description = {"Captures an org's metadata into a folder the emulator loads (--metadata-dir): $metadata, and the "
                + "table and relationship definitions $metadata lacks (cascade, primary names, ownership, choice labels, "
                + "intersect tables, alternate keys), with provenance.",
            "Reads only (GET); uses the credentials and dataverse.allowed-hosts of a live run (README, \"Run against "
                + "your org\")."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:captured", "2:a usage or configuration error, or the org refused a request"})
public final class MetadataPullCommand implements Callable<Integer> {

    private static final Pattern ROOT = Pattern.compile("(https?://[^/]+)(?:/api/data/(v\\d+\\.\\d+))?/?");

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "<org>",
            description = "the org, e.g. https://contoso-test.crm.dynamics.com, or a service root with its API version")
    String url;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "where the capture goes")
    Path out;

    @Option(names = "--tables", paramLabel = "<table>", split = ",",
            description = "only these tables (logical names) and the tables they relate to; default: every table")
    List<String> tables = new ArrayList<>();

    MetadataPullCommand() {
    }

    /** For {@code mvn exec:java}: the same as {@code java -jar …-standalone.jar metadata pull <args>}. */
    public static void main(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "metadata";
        all[1] = "pull";
        System.arraycopy(args, 0, all, 2, args.length);
        System.exit(Main.run(all));
    }

    @Override
    public Integer call() {
        Matcher root = ROOT.matcher(url);
        if (!root.matches()) {
            throw new ParameterException(spec.commandLine(), "--url takes an org such as "
                    + "https://contoso-test.crm.dynamics.com (or its service root), not '" + url + "'");
        }
        // the settings of a live run, pointed at this org (as conformance run does)
        System.setProperty(Targets.TARGET, "live");
        System.setProperty("dataverse.url", root.group(1));
        if (root.group(2) != null) {
            System.setProperty(Targets.API_VERSION, root.group(2));
        }
        Settings settings = Settings.fromSystem();
        List<String> chosen = tables.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        PrintWriter printed = spec.commandLine().getOut();
        try (Target target = Targets.fromConfiguration(settings)) {
            MetadataCapture.Result result = MetadataCapture.pull(target, out, chosen, Clock.systemUTC());
            printed.printf("captured %d table(s) and %d relationship(s) of %s into %s in %d GET request(s)%n",
                    result.tables().size(), result.relationships(), target.description(), out, result.requests());
            printed.printf("load it with: emulator --metadata-dir %s (or -D%s=%s)%n", out, Targets.EMULATOR_METADATA_DIR, out);
            return CommandLines.OK;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CommandException(e.getMessage());
        }
    }
}

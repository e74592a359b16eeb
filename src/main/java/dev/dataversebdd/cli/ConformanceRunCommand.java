package dev.dataversebdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.AuthenticationException;
import dev.dataversebdd.targets.ConfigurationException;
import dev.dataversebdd.targets.LiveOrgConfiguration;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code conformance run --url <service root> [--no-auth] [--tags EXPR] [--out DIR] [--features DIR…]
 * [--glue PACKAGE…] [--plugin PLUGIN…]}: runs the packaged conformance suite, or a team's own features, against any URL with the rules
 * of a live run, writing the Cucumber reports and the matrix to DIR.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
@Command(name = "run", sortOptions = false,
        description = {"Runs the packaged conformance suite against any Dataverse Web API (an org, another emulator) with "
                + "the rules of a live run: it touches only rows it creates and removes them.",
            "Credentials and the hosts allowed come from the environment as for a live run: DATAVERSE_ALLOWED_HOSTS and "
                + "DATAVERSE_TOKEN, or DATAVERSE_TENANT_ID, DATAVERSE_CLIENT_ID and DATAVERSE_CLIENT_SECRET; with --no-auth "
                + "(DATAVERSE_AUTH=none), no credentials, for a target that needs none.",
            "With --features, your own scenarios run instead (with --glue for your own steps).",
            "Writes DIR/cucumber/ (HTML, JSON, JUnit XML) and DIR/conformance/ (matrix, behaviour profile); run ledgers "
                + "go to dataverse.ledger-dir (default target/dataverse-bdd/runs), for sweep --run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario conformed", "1:a scenario did not conform",
            "2:a usage or configuration error (a setting missing, DIR not writable)"})
public final class ConformanceRunCommand implements Callable<Integer> {

    private static final Pattern ROOT = Pattern.compile("^(https?://[^/]+)(?:/api/data/(v\\d\\.\\d))?/?$");

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "<service root>",
            description = "a service root such as https://contoso.crm.dynamics.com/api/data/v9.2, or the org URL alone")
    String url;

    @Option(names = "--no-auth", description = "send no credentials: the target needs no authentication (another "
            + "emulator, an OData service); the same as DATAVERSE_AUTH=none")
    boolean noAuth;

    @Option(names = "--tags", paramLabel = "EXPR", description = "the scenarios to run, e.g. '@seed-v9.0 and not @slow'")
    String tags;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "conformance-report",
            description = "where the reports go (default ${DEFAULT-VALUE}, in the working folder)")
    Path out;

    @Option(names = "--features", paramLabel = "DIR",
            description = "a folder (or .feature file) of your own scenarios to run instead of the packaged suite; repeatable")
    List<Path> features = new ArrayList<>();

    @Option(names = "--glue", paramLabel = "PACKAGE",
            description = "a package of your own step definitions, besides dev.dataversebdd.steps; repeatable")
    List<String> glue = new ArrayList<>();

    @Option(names = "--plugin", paramLabel = "PLUGIN",
            description = "a further Cucumber plugin, as --plugin takes it (e.g. rerun:target/rerun.txt); repeatable")
    List<String> plugins = new ArrayList<>();

    ConformanceRunCommand() {
    }

    /** The packaged suite through Cucumber's own runner, against the URL, with the settings of a live run. */
    @Override
    public Integer call() {
        Matcher root = ROOT.matcher(url);
        if (!root.matches()) {
            throw new ParameterException(spec.commandLine(), "--url takes a service root such as "
                    + "https://contoso-test.crm.dynamics.com/api/data/v9.2 (or the org URL alone), not '" + url + "'");
        }
        for (Path folder : features) {
            if (!Files.exists(folder)) {
                throw new ParameterException(spec.commandLine(), "--features " + folder + ": no such folder or file");
            }
        }
        Path reports = writable(out.toAbsolutePath(), "give --out a folder this user can write");
        writable(LiveOrgConfiguration.ledgerFolder(Settings.fromSystem()), "the run ledgers go there; set "
                + Settings.describe(LiveOrgConfiguration.LEDGER_DIR) + " to a folder this user can write");
        System.setProperty("dataverse.target", "live");
        System.setProperty("dataverse.url", root.group(1));
        if (root.group(2) != null) {
            System.setProperty("dataverse.api-version", root.group(2));
        }
        if (noAuth) {
            System.setProperty(LiveOrgConfiguration.AUTH, "none");
        }
        preflight();
        List<String> cucumber = new ArrayList<>(List.of("--glue", "dev.dataversebdd.steps",
                "--plugin", "dev.dataversebdd.steps.StepLines", "--plugin", "summary",
                "--plugin", "html:" + reports.resolve("cucumber/cucumber.html"),
                "--plugin", "json:" + reports.resolve("cucumber/cucumber.json"),
                "--plugin", "junit:" + reports.resolve("cucumber/cucumber-junit.xml"),
                "--plugin", "dev.dataversebdd.conformance.ConformancePlugin:" + reports.resolve("conformance")));
        glue.forEach(more -> cucumber.addAll(List.of("--glue", more)));
        plugins.forEach(more -> cucumber.addAll(List.of("--plugin", more)));
        if (tags != null) {
            cucumber.addAll(List.of("--tags", tags));
        }
        features.forEach(folder -> cucumber.add(folder.toAbsolutePath().toString()));
        if (features.isEmpty()) {
            cucumber.add("classpath:dev/dataversebdd/features");
        }
        byte status;
        try {
            status = io.cucumber.core.cli.Main.run(cucumber.toArray(String[]::new),
                    Thread.currentThread().getContextClassLoader());
        } catch (RuntimeException e) { // a configuration error: said once, without a stack trace
            throw new CommandException(e.getMessage());
        }
        spec.commandLine().getOut().println("conformance: reports in " + reports + (status == 0
                ? "; every scenario conformed" : "; some scenarios did not conform (see conformance/matrix.html)")
                + strength(reports.resolve("conformance/matrix.json")));
        return status == 0 ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
    }

    /**
     * Connects once and reads {@code $metadata} before Cucumber starts, so a missing credential or a target that
     * refuses the run's (or wants some, with {@code --no-auth}) is said once, in one line, instead of by every scenario.
     */
    private static void preflight() {
        try (Target target = Targets.fromConfiguration(Settings.fromSystem())) {
            target.metadataDocument();
        } catch (ConfigurationException | AuthenticationException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** "; 12 of 40 cells backed by a single scenario": where a lost scenario would hide a deviation. */
    private static String strength(Path matrix) {
        try {
            JsonNode summary = new ObjectMapper().readTree(matrix.toFile()).path("summary");
            return "; " + summary.path("singleScenarioCells").asInt() + " of " + summary.path("cells").asInt()
                    + " cells backed by a single scenario";
        } catch (IOException e) {
            return ""; // no matrix (Cucumber stopped before the plugin wrote it): the run's own messages say why
        }
    }

    /** Finds out before the run, not after it, that the reports or the run ledgers could not be written. */
    private static Path writable(Path folder, String remedy) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-test", ""));
            return folder;
        } catch (IOException e) {
            throw new CommandException("cannot write to " + folder + " (" + e.getClass().getSimpleName() + "): " + remedy);
        }
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.conformance.ConformancePlugin;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.net.URI;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * Names the scenario line in failure messages, puts the scenario's exchanges into the reports, and undoes the
 * scenario's rows and links when it ends.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Hooks {

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    /**
     * Connects once, before the first scenario: a configuration error stops the run here with one message, instead
     * of failing every scenario with the same words.
     */
    @BeforeAll
    public static void connectToTheTarget() {
        RunContext.dataverse();
    }

    /**
     * A scenario tagged {@code @metadata-dir:<folder>} runs on an emulator loaded from that capture of an org (one
     * per folder, shared), so a team's tables and the built-in samples live in one suite; on a live org, whose
     * metadata is its own, it is skipped with the reason.
     */
    @Before(order = -1)
    public void useTheScenariosOwnMetadata(Scenario scenario) {
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith(METADATA_DIR_TAG)) {
                if (RunContext.live()) {
                    throw new TestAbortedException(tag + ": this scenario needs the embedded emulator loaded with that "
                            + "metadata folder, and a live org has its own metadata; skipped");
                }
                java.nio.file.Path folder = java.nio.file.Path.of(tag.substring(METADATA_DIR_TAG.length()));
                if (!java.nio.file.Files.isDirectory(folder)) {
                    throw new IllegalArgumentException(tag + " names no folder (relative paths start at "
                            + java.nio.file.Path.of("").toAbsolutePath() + "); write one with: metadata pull --url <org> --out "
                            + folder);
                }
                world.useMetadataDir(folder);
            }
        }
    }

    /** The tag that gives a scenario its own metadata folder: {@code @metadata-dir:metadata/org}. */
    static final String METADATA_DIR_TAG = "@metadata-dir:";

    /** Failures name the failing step's line (with the StepLines plugin on), else the scenario's. */
    @Before(order = 0)
    public void nameTheScenario(Scenario scenario) {
        String scenarioLine = location(scenario.getUri()) + ":" + scenario.getLine();
        world.session().locatedBy(() -> StepLines.current().orElse(scenarioLine));
    }

    /**
     * Every request and response of the scenario goes into Cucumber's own reports, redacted, and from there (through
     * Allure's Cucumber plugin) into Allure's: once in each.
     */
    @Before(order = 1)
    public void attachTheExchangesToTheScenario(Scenario scenario) {
        world.session().reportExchangesToScenario((name, text) -> scenario.attach(text, "text/plain", name));
    }

    /**
     * A scenario that switches an emulator behaviour, or sends what the live-safety guard refuses to send (a batch
     * written by hand with a Content-ID reference the guard cannot resolve), cannot run on a target that takes no
     * switches (a live org): it is skipped there, with the reason, instead of failing.
     */
    @Before(value = "@emulator-only", order = 2)
    public void skipEmulatorOnlyScenariosElsewhere() {
        if (!world.session().behaviours().takesSwitches()) {
            throw new TestAbortedException("@emulator-only: this scenario needs the embedded emulator (it "
                    + "switches a behaviour, or sends what the live-safety guard refuses to send), and "
                    + world.session().serviceRoot() + " is not one; skipped");
        }
    }

    /**
     * The scenario's record for the conformance matrix (the cells of the requests it checked, the behaviours it
     * observed), attached for {@code dev.dataversebdd.conformance.ConformancePlugin}. Runs before the rows are removed.
     */
    @After(order = 10)
    public void attachTheConformanceRecord(Scenario scenario) {
        world.conformanceRecord().ifPresent(record -> scenario.attach(record, ConformancePlugin.RECORD_MEDIA_TYPE,
                ConformancePlugin.RECORD_NAME));
    }

    @After(order = 0)
    public void removeWhatTheScenarioCreated() {
        world.close();
    }

    static String location(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return uri.toString();
        }
        Path path = Path.of(uri);
        Path here = Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path).toString().replace('\\', '/');
    }
}

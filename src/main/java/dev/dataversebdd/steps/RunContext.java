package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.targets.Settings;
import dev.dataversebdd.targets.Targets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection a test run shares between its scenarios: the target chosen by configuration, its schema read
 * once. Created on first use, closed when the JVM exits. Immutable once created, so parallel scenarios share it
 * safely; everything that changes lives in each scenario's session. One connection per distinct configuration,
 * so a JVM that runs the suite twice with other settings (the live-mode test) gets a second one.
 */
final class RunContext {

    private static final Map<String, Dataverse> CONNECTIONS = new ConcurrentHashMap<>();

    private RunContext() {
    }

    static Dataverse dataverse() {
        return dataverse(null);
    }

    /**
     * The connection of the run, or with {@code metadataDir} the one of an emulator loaded from that capture (a
     * scenario tagged {@code @metadata-dir:<folder>}), started once per folder and shared by the scenarios that name it.
     */
    static Dataverse dataverse(Path metadataDir) {
        String key = configurationKey() + (metadataDir == null ? "" : " metadata-dir=" + metadataDir.toAbsolutePath());
        return CONNECTIONS.computeIfAbsent(key, k -> {
            Settings settings = Settings.fromSystem();
            if (metadataDir != null) {
                settings = settings.with(Targets.EMULATOR_METADATA_DIR, metadataDir.toString());
            }
            Target target = Targets.fromConfiguration(settings);
            Dataverse dataverse = Targets.connect(target, settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // the run summary's pacing line: how often the org said to wait, and how long the run waited in all
                dataverse.pacingSummary().ifPresent(summary -> System.getLogger("dev.dataversebdd")
                        .log(System.Logger.Level.INFO, "dataverse-bdd pacing: " + summary));
                target.close();
            }, "dataverse-bdd-target-close"));
            return dataverse;
        });
    }

    /** True when the run goes to a live org, whose metadata is its own: a scenario's metadata folder cannot apply. */
    static boolean live() {
        return Settings.fromSystem().get(Targets.TARGET).map("live"::equals).orElse(false);
    }

    private static String configurationKey() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("dataverse.")) {
                settings.put(name.toString(), value.toString());
            }
        });
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("DATAVERSE_")) {
                settings.put(name, value);
            }
        });
        return settings.toString();
    }
}

package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.target.Settings;
import dev.dataversebdd.target.Target;
import dev.dataversebdd.target.Targets;

/**
 * The one connection a test run shares between its scenarios: the target chosen by configuration, its schema
 * read once. Created on first use, closed when the JVM exits. Immutable once created, so parallel scenarios
 * share it safely; everything that changes lives in each scenario's session.
 */
final class RunContext {

    private static volatile Dataverse dataverse;

    private RunContext() {
    }

    static Dataverse dataverse() {
        Dataverse current = dataverse;
        if (current == null) {
            synchronized (RunContext.class) {
                current = dataverse;
                if (current == null) {
                    Target target = Targets.fromConfiguration(Settings.fromSystem());
                    Runtime.getRuntime().addShutdownHook(new Thread(target::close, "dataverse-bdd-target-close"));
                    current = Dataverse.connect(target);
                    dataverse = current;
                }
            }
        }
        return current;
    }
}

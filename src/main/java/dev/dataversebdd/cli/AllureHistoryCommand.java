package dev.dataversebdd.cli;

import dev.dataversebdd.report.AllureHistory;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The main job's step before the scenarios run: {@code AllureHistoryCommand <last report's index.html> <results>}
 * carries the last report's history into the new results, for the trend widgets.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AllureHistoryCommand {

    private AllureHistoryCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: AllureHistoryCommand <last report's index.html> <results folder>");
        }
        int carried = AllureHistory.carry(Path.of(args[0]), Path.of(args[1]));
        System.out.println("allure history: " + (carried == 0 ? "no earlier report, the trend starts with this run"
                : carried + " history file(s) carried from " + args[0]));
    }
}

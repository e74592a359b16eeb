package dev.dataversebdd.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.net.URI;
import java.nio.file.Path;

/** Names the scenario line in failure messages, and undoes the scenario's rows and links when it ends. */
public final class Hooks {

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @Before(order = 0)
    public void nameTheScenario(Scenario scenario) {
        world.session().at(location(scenario.getUri()) + ":" + scenario.getLine());
    }

    @After(order = 0)
    public void removeWhatTheScenarioCreated() {
        world.close();
    }

    private static String location(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return uri.toString();
        }
        Path path = Path.of(uri);
        Path here = Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path).toString().replace('\\', '/');
    }
}

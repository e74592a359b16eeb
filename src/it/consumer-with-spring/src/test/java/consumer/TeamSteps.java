package consumer;

import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.steps.World;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.en.Given;

/** A team's own step, given the same World as dataverse-bdd's steps and a bean of the team's Spring context. */
public class TeamSteps {

    private final World world;
    private final String accountName;

    public TeamSteps(World world, String accountNameConvention) {
        this.world = world;
        this.accountName = accountNameConvention;
    }

    /** The point of this project: the steps run without PicoContainer, which dataverse-bdd no longer forces. */
    @BeforeAll
    public static void picoContainerIsNotOnTheClasspath() {
        try {
            Class.forName("org.picocontainer.PicoContainer");
            throw new IllegalStateException("PicoContainer reached the consumer's classpath through dataverse-bdd");
        } catch (ClassNotFoundException expected) {
            // cucumber-spring is the only object factory here
        }
    }

    @Given("our usual account")
    public void ourUsualAccount() {
        world.session().create(NewRow.of("account", accountName));
    }
}

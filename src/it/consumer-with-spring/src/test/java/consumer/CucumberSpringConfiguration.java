package consumer;

import dev.dataversebdd.steps.World;
import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ScopedProxyMode;

/** The team's Spring test context, plus the one bean dataverse-bdd's steps need: a World per scenario. */
@CucumberContextConfiguration
@SpringBootTest(classes = CucumberSpringConfiguration.TestConfiguration.class)
public class CucumberSpringConfiguration {

    @Configuration
    static class TestConfiguration {

        /** Scenario-scoped without a proxy: World is final, and the step classes that take it are scenario-scoped too. */
        @Bean
        @ScenarioScope(proxyMode = ScopedProxyMode.NO)
        World world() {
            return new World();
        }

        /** Stands for whatever the team's own context holds. */
        @Bean
        String accountNameConvention() {
            return "Contoso";
        }
    }
}

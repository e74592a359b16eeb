package dev.dataversebdd.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A Cucumber plugin that lets failure messages name the line of the step that failed ({@code step:
 * features/associate/one-to-many.feature:22}), not only the scenario's: Cucumber tells step lines only through its
 * events. Add it to {@code cucumber.plugin} ({@code dev.dataversebdd.steps.StepLines}); without it messages name the
 * scenario's line. Each scenario runs on one thread, so the current step is kept per thread.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StepLines implements ConcurrentEventListener {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepStarted.class, event -> {
            if (event.getTestStep() instanceof PickleStepTestStep step) {
                CURRENT.set(Hooks.location(step.getUri()) + ":" + step.getStep().getLine());
            }
        });
        publisher.registerHandlerFor(TestStepFinished.class, event -> {
            if (event.getTestStep() instanceof PickleStepTestStep) {
                CURRENT.remove();
            }
        });
    }

    /** The step running on this thread, as {@code features/x.feature:22}, when the plugin is on. */
    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}

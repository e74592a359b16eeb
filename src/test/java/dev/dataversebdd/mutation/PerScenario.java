package dev.dataversebdd.mutation;

import java.util.Map;

/**
 * A server that deviates differently in each scenario: the scenario running now (as {@link Verdicts} tells it) picks
 * the mutant that answers its requests, and a scenario it does not name gets the conformant answers. One run of the
 * suite then judges many mutants at once, each on scenarios of its own, as long as no scenario is named twice.
 */
final class PerScenario implements Mutation {

    private final Map<String, Mutation> byScenario;

    /** @param byScenario scenario name to the mutant's behaviour, built for this run */
    PerScenario(Map<String, Mutation> byScenario) {
        this.byScenario = Map.copyOf(byScenario);
    }

    @Override
    public Answer answer(Call call, Upstream emulator) {
        return byScenario.getOrDefault(Verdicts.currentScenario(), NONE).answer(call, emulator);
    }
}

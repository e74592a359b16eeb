package dev.dataversebdd.mutation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One server that deviates from documented Dataverse behaviour in one realistic way.
 *
 * @param id         a stable name, {@code area/what-it-does}
 * @param deviation  what the server does, in a sentence
 * @param documented what Dataverse does instead, with the ids of {@code src/site/markdown/sources.md} that say so;
 *                   never one of the documented alternatives a conformant org may show (the behaviour switches)
 * @param touches    the requests whose answer the mutant may change: a scenario that sends none of them sees the
 *                   conformant server, so the harness runs a mutant against the scenarios that send one
 * @param mutation   builds the mutant's behaviour, given what the server knows of itself (one per run)
 */
record Mutant(String id, String deviation, String documented, Predicate<Call> touches,
              Function<ServerKnowledge, Mutation> mutation) {

    /** The mutation, answering only the requests it touches; everything else goes to the emulator unchanged. */
    Mutation build(ServerKnowledge knowledge) {
        Mutation deviating = mutation.apply(knowledge);
        return (call, emulator) -> touches.test(call) ? deviating.answer(call, emulator) : emulator.send(call);
    }

    static List<Mutant> all() {
        List<Mutant> all = new java.util.ArrayList<>();
        all.addAll(WriteMutants.all());
        all.addAll(ReferenceFormMutants.all());
        all.addAll(AnswerMutants.all());
        all.addAll(AtomicityMutants.all());
        all.addAll(ReadBackMutants.all());
        return all;
    }
}

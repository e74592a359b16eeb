package dev.dataversebdd.mutation;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How a deviating server answers one request: it may rewrite the request, answer without asking the emulator, send
 * the emulator further requests, or rewrite the answer. A request it has nothing to say about goes through as is.
 */
@FunctionalInterface
interface Mutation {

    Answer answer(Call call, Upstream emulator);

    /** The conformant server: every request goes to the emulator unchanged. */
    Mutation NONE = (call, emulator) -> emulator.send(call);

    /** Each request is rewritten by {@code rewrite} before it reaches the emulator. */
    static Mutation rewriteRequest(UnaryOperator<Call> rewrite) {
        return (call, emulator) -> emulator.send(rewrite.apply(call));
    }

    /** Each answer is rewritten by {@code rewrite}. */
    static Mutation rewriteAnswer(BiFunction<Call, Answer, Answer> rewrite) {
        return new AnswerRewrite(rewrite);
    }

    /**
     * A mutation that only rewrites answers, and has no other effect: whether it changes an exchange can be told
     * from the conformant exchange alone, which is how the harness knows the scenarios it can reach.
     */
    record AnswerRewrite(BiFunction<Call, Answer, Answer> rewrite) implements Mutation {
        @Override
        public Answer answer(Call call, Upstream emulator) {
            return rewrite.apply(call, emulator.send(call));
        }

        boolean changes(Call call, Answer answer) {
            return !rewrite.apply(call, answer).equals(answer);
        }
    }
}

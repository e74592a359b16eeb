package dev.dataversebdd.mutation;

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

    /** Requests that {@code applies} are rewritten by {@code rewrite} before they reach the emulator. */
    static Mutation rewriteRequest(java.util.function.Predicate<Call> applies, UnaryOperator<Call> rewrite) {
        return (call, emulator) -> emulator.send(applies.test(call) ? rewrite.apply(call) : call);
    }

    /** Answers to requests that {@code applies} are rewritten by {@code rewrite}. */
    static Mutation rewriteAnswer(java.util.function.Predicate<Call> applies,
                                  java.util.function.BiFunction<Call, Answer, Answer> rewrite) {
        return new AnswerRewrite(applies, rewrite);
    }

    /**
     * A mutation that only rewrites answers, and has no other effect: whether it changes an exchange can be told
     * from the conformant exchange alone, which is how the harness knows the scenarios it can reach.
     */
    record AnswerRewrite(java.util.function.Predicate<Call> applies,
                         java.util.function.BiFunction<Call, Answer, Answer> rewrite) implements Mutation {
        @Override
        public Answer answer(Call call, Upstream emulator) {
            Answer answer = emulator.send(call);
            return applies.test(call) ? rewrite.apply(call, answer) : answer;
        }

        boolean changes(Call call, Answer answer) {
            return applies.test(call) && !rewrite.apply(call, answer).equals(answer);
        }
    }

    /** Requests that {@code applies} are answered 204 No Content and never reach the emulator: "done", but not done. */
    static Mutation acknowledgeWithoutApplying(java.util.function.Predicate<Call> applies) {
        return (call, emulator) -> applies.test(call) ? Answer.noContent() : emulator.send(call);
    }
}

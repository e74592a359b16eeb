package dev.dataversebdd.mutation;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * One {@link Mutant} of the harness as a server of its own, for tests elsewhere (calibration, the live guard) that
 * need an org deviating in one way: a loopback proxy in front of {@code upstream} that answers as the mutant would.
 */
public final class DeviatingServer implements AutoCloseable {

    private final MutatingProxy proxy;

    private DeviatingServer(MutatingProxy proxy) {
        this.proxy = proxy;
    }

    /** @param mutantId a mutant's id, such as {@code activity-party/put-appends} */
    public static DeviatingServer start(String mutantId, String upstream) throws IOException {
        Mutant mutant = Mutant.all().stream().filter(m -> m.id().equals(mutantId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mutant '" + mutantId + "'"));
        return new DeviatingServer(new MutatingProxy(upstream, mutant.build(new ServerKnowledge())));
    }

    /** A server in front of {@code upstream} that answers every {@code $batch} with its answer's body rewritten. */
    public static DeviatingServer rewritingBatchAnswers(String upstream, UnaryOperator<String> rewrite) throws IOException {
        return new DeviatingServer(new MutatingProxy(upstream, Mutation.rewriteAnswer((call, answer) -> call.isBatch()
                ? answer.withBody(rewrite.apply(answer.body())) : answer)));
    }

    /** The URL to give as {@code dataverse.url}. */
    public String baseUri() {
        return proxy.baseUri();
    }

    @Override
    public void close() {
        proxy.close();
    }
}

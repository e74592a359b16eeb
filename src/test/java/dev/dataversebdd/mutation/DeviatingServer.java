package dev.dataversebdd.mutation;

import java.io.IOException;

/**
 * One {@link Mutant} of the harness as a server of its own, for tests elsewhere (calibration) that need an org
 * deviating in one documented way: a loopback proxy in front of {@code upstream} that answers as the mutant would.
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

    /** The URL to give as {@code dataverse.url}. */
    public String baseUri() {
        return proxy.baseUri();
    }

    @Override
    public void close() {
        proxy.close();
    }
}

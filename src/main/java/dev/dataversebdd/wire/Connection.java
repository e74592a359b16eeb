package dev.dataversebdd.wire;

import dev.dataversebdd.report.RecordedExchange;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One endpoint and the JDK client its supporting traffic shares (it is thread-safe, and cheaper per request than
 * RestAssured); hands out a channel per session, each reporting to its own listener.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Connection {

    private final Endpoint endpoint;
    private final JdkTransport jdk = new JdkTransport();

    public Connection(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** A channel to the endpoint that reports every exchange to {@code listener}. */
    public HttpChannel channel(Consumer<RecordedExchange> listener) {
        return channel(listener, note -> { });
    }

    /** As {@link #channel(Consumer)}, telling {@code waits} every wait of the run's pacing, in words. */
    public HttpChannel channel(Consumer<RecordedExchange> listener, Consumer<String> waits) {
        return new HttpChannel(endpoint, jdk, listener, waits);
    }
}

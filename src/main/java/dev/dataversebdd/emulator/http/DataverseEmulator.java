package dev.dataversebdd.emulator.http;

import com.sun.net.httpserver.HttpServer;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Dataverse emulator on a real HTTP server, bound to 127.0.0.1 on an ephemeral port by default.
 *
 * <pre>{@code
 * try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
 *     String root = emulator.serviceRoot();          // http://127.0.0.1:51234/api/data/v9.2
 *     emulator.service().reset();                    // and snapshot, journal, faults, behaviour, auth
 * }
 * }</pre>
 */
public final class DataverseEmulator implements AutoCloseable {

    static {
        // Without it the JDK server's separate header and body writes meet the client's delayed ACK: ~45 ms each.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final DataverseService service;

    private DataverseEmulator(HttpServer server, ExecutorService executor, DataverseService service) {
        this.server = server;
        this.executor = executor;
        this.service = service;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:port}, the org URL stand-in. */
    public String baseUri() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The v9.2 service root, e.g. {@code http://127.0.0.1:51234/api/data/v9.2}. */
    public String serviceRoot() {
        return baseUri() + "/api/data/v9.2";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The core behind the server: reset, snapshots, journal, faults, behaviour profile, bearer-token mode. */
    public DataverseService service() {
        return service;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Starts the server from a daemon thread: the JDK server's dispatcher thread inherits that, so an embedded
     * emulator never keeps a test JVM (or {@code mvn exec:java}) alive after the tests are done.
     */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "dataverse-emulator-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the emulator", e);
        }
    }

    /** How to start an emulator; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Schema schema;
        private BehaviourProfile profile = BehaviourProfile.defaults();
        private int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        private int maxBodyBytes = 16 * 1024 * 1024;

        private Builder() {
        }

        /** Interface to bind; 127.0.0.1 unless you mean to expose it. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An org's own {@code $metadata} file instead of the built-in schema. */
        public Builder metadata(Path csdl) {
            this.schema = Schema.fromFile(csdl);
            return this;
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        public Builder behaviour(String key, String mode) {
            this.profile = profile.with(key, mode);
            return this;
        }

        public Builder profile(BehaviourProfile profile) {
            this.profile = profile;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public DataverseEmulator start() {
            DataverseService service = new DataverseService(schema == null ? Schema.standard() : schema, profile);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "dataverse-emulator-" + counter.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 128);
                server.createContext("/", new ExchangeAdapter(service, maxBodyBytes));
                server.setExecutor(executor);
                startAsDaemon(server);
                return new DataverseEmulator(server, executor, service);
            } catch (IOException e) {
                executor.shutdownNow();
                throw new UncheckedIOException("cannot start the Dataverse emulator on " + host + ":" + port + ": "
                        + e.getMessage() + (port != 0 ? " (is the port in use? try another, or 0 for any free port)" : ""), e);
            }
        }
    }
}

package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Dataverse emulator on a real HTTP server (Jetty), bound to 127.0.0.1 on an ephemeral port by
 * default.
 *
 * <pre>{@code
 * try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
 *     String root = emulator.serviceRoot();          // http://127.0.0.1:51234/api/data/v9.2
 *     emulator.service().reset();                    // and snapshot, journal, faults, behaviour, auth
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DataverseEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.dataversebdd.emulator");

    private final Server server;
    private final ServerConnector connector;
    private final DataverseService service;

    private DataverseEmulator(Server server, ServerConnector connector, DataverseService service) {
        this.server = server;
        this.connector = connector;
        this.service = service;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the server is bound to, e.g. {@code 127.0.0.1}. */
    public String host() {
        return connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    }

    /** {@code http://127.0.0.1:port}, the org URL stand-in. */
    public String baseUri() {
        String host = host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The v9.2 service root, e.g. {@code http://127.0.0.1:51234/api/data/v9.2}. */
    public String serviceRoot() {
        return baseUri() + "/api/data/v9.2";
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The core behind the server: reset, snapshots, journal, faults, behaviour profile, bearer-token mode. */
    public DataverseService service() {
        return service;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the emulator on " + baseUri() + ": " + e.getMessage(), e);
        }
    }

    /** How to start an emulator; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Schema schema;
        private BehaviourProfile profile = BehaviourProfile.defaults();
        private int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private int maxBodyBytes = 16 * 1024 * 1024;
        private String securityJson;
        private String securitySource;
        private java.util.function.Consumer<String> notes = note -> LOG.log(System.Logger.Level.INFO, note);
        private ServiceProtection serviceProtection;

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

        /**
         * An org's own {@code $metadata} file instead of the built-in schema (Dataverse's documented cascade defaults
         * for system relationships are applied to it); a folder is read as {@link #metadataDir} reads it.
         */
        public Builder metadata(Path csdl) {
            this.schema = Files.isDirectory(csdl) ? Schema.fromFolder(csdl) : Schema.fromFile(csdl);
            return this;
        }

        /**
         * A folder {@code metadata pull} wrote: the org's {@code $metadata} with its table and relationship
         * definitions, so that cascade, primary names, ownership and choice labels are the org's.
         */
        public Builder metadataDir(Path folder) {
            this.schema = Schema.fromFolder(folder);
            return this;
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * An org's business units, roles, users and teams from a JSON security file (security.md has the format),
         * loaded at start-up and again by every reset. {@link #start} refuses a wrong file with an
         * {@link IllegalArgumentException} that names it, the JSON path and the closest known name.
         *
         * <pre>{@code
         * DataverseEmulator.builder().security(Path.of("src/test/resources/org-security.json")).start();
         * }</pre>
         */
        public Builder security(Path file) {
            try {
                this.securityJson = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read security file '" + file + "': " + e.getMessage(), e);
            }
            this.securitySource = file.toString();
            return this;
        }

        /** The same as {@link #security(Path)}, from the JSON text itself (messages call it {@code source}). */
        public Builder securityJson(String json, String source) {
            this.securityJson = json;
            this.securitySource = source;
            return this;
        }

        /**
         * Where {@link #start} says, once, what loading the metadata could not know and which defaults it applied
         * (logged at INFO by {@code dev.dataversebdd.emulator} unless given).
         */
        public Builder notes(java.util.function.Consumer<String> sink) {
            this.notes = sink;
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

        /**
         * Models Dataverse's service protection limits with these numbers (off by default; see performance.md):
         * {@code .serviceProtection(ServiceProtection.parse("requests=100,time-scale=0.01"))}.
         */
        public Builder serviceProtection(ServiceProtection limits) {
            this.serviceProtection = limits;
            return this;
        }

        /** Server threads (default: four per core, at least eight). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public DataverseEmulator start() {
            Schema chosen = schema == null ? Schema.standard() : schema;
            DataverseService service = new DataverseService(chosen, profile);
            if (securityJson != null) {
                service.loadSecurity(securityJson, securitySource); // before listening: a wrong file starts nothing
            }
            service.serviceProtection(serviceProtection);
            QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 4));
            pool.setName("dataverse-emulator");
            pool.setDaemon(true); // an embedded emulator never keeps a test JVM (or mvn exec:java) alive
            Server server = new Server(pool);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Real clients send $, (, ), ', ; unencoded, and odd paths must reach the core to get a Dataverse error.
            http.setUriCompliance(UriCompliance.LEGACY);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            server.addConnector(connector);
            server.setHandler(new WebApiHandler(service, maxBodyBytes));
            server.setErrorHandler(new DataverseErrorHandler());
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // the start failure below is the news
                }
                throw new IllegalStateException("cannot start the Dataverse emulator on " + host + ":" + port + ": "
                        + e.getMessage() + (port != 0 ? " (is the port in use? try another, or 0 for any free port)" : ""), e);
            }
            // said once, here: which defaults a $metadata file got and what it cannot tell
            chosen.notes().forEach(notes);
            return new DataverseEmulator(server, connector, service);
        }
    }
}

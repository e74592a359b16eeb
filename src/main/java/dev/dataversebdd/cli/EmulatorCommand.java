package dev.dataversebdd.cli;

import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code emulator}: runs the emulator standalone for non-Java clients until Ctrl-C; from a checkout,
 * {@code mvn -q compile exec:java -Dexec.args="--port 5555"}.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Command(name = "emulator", sortOptions = false,
        description = "Runs the Dataverse emulator until Ctrl-C, on 127.0.0.1 unless --host says otherwise.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "2:a usage error, or it cannot listen where asked"})
public final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5555",
            description = "port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one)")
    String port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to bind (default ${DEFAULT-VALUE}; anything else is reachable from other machines)")
    String host;

    @Option(names = "--metadata", paramLabel = "FILE", description = "an org's CSDL $metadata file instead of the built-in schema")
    Path metadata;

    @Option(names = "--metadata-dir", paramLabel = "FOLDER",
            description = "a folder 'metadata pull' wrote: the org's $metadata with its table and relationship definitions "
                    + "(cascade, primary names, ownership, choice labels)")
    Path metadataDir;

    @Option(names = "--security", paramLabel = "FILE",
            description = "business units, roles with their privileges, users (with bearer tokens) and teams from a JSON "
                    + "file, loaded at start-up and by every reset (format: security.md)")
    Path security;

    @Option(names = "--behaviour-file", paramLabel = "FILE",
            description = "the behaviour profile a live conformance run wrote (name=mode lines), to behave as that org did")
    Path behaviourFile;

    @Option(names = "--behaviour", paramLabel = "NAME=MODE[,NAME=MODE]",
            description = "switch a [CONFLICT]/[INF] behaviour (wins over --behaviour-file); GET /_emulator/behaviour lists them")
    List<String> behaviours = new ArrayList<>();

    @Option(names = "--service-protection", paramLabel = "on|KEY=VALUE[,KEY=VALUE]",
            description = "model Dataverse's service protection limits (429 with Retry-After, pacing headers): 'on' for "
                    + "the documented numbers, or change them: requests, window, execution-time, concurrent, "
                    + "penalty-extension, time-scale, dop-hint (e.g. requests=600,window=300s,time-scale=0.01)")
    String serviceProtection;

    @Option(names = "--require-bearer", paramLabel = "any",
            description = "answer 401 to requests without 'Authorization: Bearer ...' (the admin surface /_emulator included)")
    String requireBearer;

    @Option(names = "--allow-auth-changes", description = "let PUT /_emulator/auth change or switch off the token check over HTTP")
    boolean allowAuthChanges;

    @Option(names = "--port-file", paramLabel = "FILE", defaultValue = "${env:" + PortFile.VARIABLE + "}",
            description = "write the port it listens on to FILE, for health checks (default: $" + PortFile.VARIABLE
                    + ", else none)")
    Path portFile;

    EmulatorCommand() {
    }

    /** For {@code mvn exec:java}: the same as {@code java -jar …-standalone.jar emulator <args>}. */
    public static void main(String[] args) {
        System.exit(Main.run(Main.prefixed("emulator", args)));
    }

    @Override
    public Integer call() throws InterruptedException {
        // Jetty logs through SLF4J; without a provider SLF4J warns about itself on every start. Say nothing instead.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        DataverseEmulator.Builder builder = configure();
        DataverseEmulator emulator;
        try {
            emulator = builder.start();
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage()); // a wrong --security file: checked against the schema before listening
        }
        if (requireBearer != null) {
            emulator.service().requireBearerToken(token -> !token.isEmpty());
        }
        emulator.service().allowAuthChangesOverHttp(allowAuthChanges);
        PrintWriter out = spec.commandLine().getOut();
        warnIfReachableFromOtherMachines(emulator.host(), spec.commandLine().getErr());
        if (portFile != null) {
            PortFile.write(portFile, emulator.port());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            if (portFile != null) {
                PortFile.delete(portFile);
            }
            out.println("Dataverse emulator stopped.");
            stopped.countDown();
        }));
        out.println("Dataverse emulator listening. Service root: " + emulator.serviceRoot() + "/");
        out.println("  also answers v8.0-v8.2 and v9.0-v9.1; admin: " + emulator.baseUri() + "/_emulator");
        out.println("  behaviour: " + emulator.service().profile().asMap());
        emulator.service().serviceProtection().ifPresent(limits -> out.println("  service protection: " + limits));
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        return CommandLines.OK;
    }

    /** The emulator the options ask for, not started yet; a wrong value is a usage error that names it. */
    DataverseEmulator.Builder configure() {
        DataverseEmulator.Builder builder = DataverseEmulator.builder().port(port()).host(host)
                .notes(note -> spec.commandLine().getOut().println("  " + note)); // said once, before it listens
        if (requireBearer != null && !requireBearer.equals("any")) {
            throw usage("--require-bearer takes 'any', not '" + requireBearer + "'");
        }
        if (metadata != null) {
            if (!Files.isReadable(metadata)) {
                throw usage("metadata file '" + metadata + "' does not exist or is not readable");
            }
            try {
                builder.metadata(metadata);
            } catch (IllegalArgumentException e) {
                throw usage("--metadata " + metadata + ": " + e.getMessage());
            }
        }
        if (metadataDir != null) {
            if (metadata != null) {
                throw usage("give --metadata or --metadata-dir, not both");
            }
            try {
                builder.metadataDir(metadataDir);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw usage("--metadata-dir " + metadataDir + ": " + e.getMessage());
            }
        }
        if (security != null) {
            if (!Files.isReadable(security)) {
                throw usage("security file '" + security + "' does not exist or is not readable");
            }
            builder.security(security);
        }
        BehaviourProfile profile = BehaviourProfile.defaults();
        try {
            if (behaviourFile != null) {
                profile = profile.withFile(behaviourFile);
            }
            for (String switches : behaviours) {
                profile = profile.withAll(switches);
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (serviceProtection != null) {
            try {
                builder.serviceProtection(ServiceProtection.parse(serviceProtection));
            } catch (IllegalArgumentException e) {
                throw usage("--service-protection: " + e.getMessage());
            }
        }
        return builder.profile(profile);
    }

    private int port() {
        try {
            int number = Integer.parseInt(port);
            if (number < 0 || number > 65_535) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw usage("--port takes a number from 0 to 65535, not '" + port + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Anything but a loopback address lets other machines read and change everything, admin surface included. */
    static void warnIfReachableFromOtherMachines(String host, PrintWriter err) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            err.println("WARNING: listening on " + host + ", not on loopback: anyone who can reach this address "
                    + "can read and change the emulator's data and its admin surface (/_emulator). Add "
                    + "--require-bearer any on a shared network.");
        }
    }
}

package dev.dataversebdd.emulator.http;

import dev.dataversebdd.emulator.core.BehaviourProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;

/**
 * Runs the emulator standalone for non-Java clients until Ctrl-C:
 * {@code mvn -q compile exec:java -Dexec.args="--port 5555"}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class EmulatorMain {

    static final String USAGE = """
            usage: EmulatorMain [--port N] [--host ADDRESS] [--metadata FILE] [--behaviour-file FILE]
                                [--behaviour NAME=MODE[,NAME=MODE]] [--require-bearer any] [--allow-auth-changes]
              --port       port to listen on (default 5555; 0 picks a free one)
              --host       address to bind (default 127.0.0.1)
              --metadata   an org's CSDL $metadata file instead of the built-in schema
              --behaviour-file  the behaviour profile a live conformance run wrote (name=mode lines), to behave
                                as that org did; --behaviour switches after it win
              --behaviour  switch a [CONFLICT]/[INF] behaviour; GET /_emulator/behaviour lists them
              --require-bearer any   answer 401 to requests without 'Authorization: Bearer ...' (the admin
                                     surface /_emulator included)
              --allow-auth-changes   let PUT /_emulator/auth change or switch off the token check over HTTP
            """;

    static final String ALLOW_AUTH_CHANGES = "--allow-auth-changes";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Jetty logs through SLF4J; without a provider SLF4J warns about itself on every start. Say nothing instead.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        DataverseEmulator.Builder builder;
        boolean requireBearer;
        boolean allowAuthChanges;
        try {
            builder = configure(args);
            requireBearer = String.join(" ", args).contains("--require-bearer any");
            allowAuthChanges = List.of(args).contains(ALLOW_AUTH_CHANGES);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        DataverseEmulator emulator;
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (requireBearer) {
            emulator.service().requireBearerToken(token -> !token.isEmpty());
        }
        emulator.service().allowAuthChangesOverHttp(allowAuthChanges);
        warnIfReachableFromOtherMachines(emulator.host());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            System.out.println("Dataverse emulator stopped.");
            stopped.countDown();
        }));
        System.out.println("Dataverse emulator listening. Service root: " + emulator.serviceRoot() + "/");
        System.out.println("  also answers v8.0-v8.2 and v9.0-v9.1; admin: " + emulator.baseUri() + "/_emulator");
        System.out.println("  behaviour: " + emulator.service().profile().asMap());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** Anything but a loopback address lets other machines read and change everything, admin surface included. */
    static void warnIfReachableFromOtherMachines(String host) {
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            System.err.println("WARNING: listening on " + host + ", not on loopback: anyone who can reach this address "
                    + "can read and change the emulator's data and its admin surface (/_emulator). Add "
                    + "--require-bearer any on a shared network.");
        }
    }

    /** Turns the command line into a builder; {@link IllegalArgumentException} says what is wrong. */
    static DataverseEmulator.Builder configure(String[] args) {
        DataverseEmulator.Builder builder = DataverseEmulator.builder().port(5555);
        BehaviourProfile profile = BehaviourProfile.defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals(ALLOW_AUTH_CHANGES)) {
                continue; // a flag: applied once the emulator runs
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unexpected argument '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(port(value));
                case "--host" -> builder.host(value);
                case "--metadata" -> {
                    if (!Files.isReadable(Path.of(value))) {
                        throw new IllegalArgumentException("metadata file '" + value + "' does not exist or is not readable");
                    }
                    builder.metadata(Path.of(value));
                }
                case "--behaviour" -> profile = profile.withAll(value);
                case "--behaviour-file" -> profile = profile.withFile(Path.of(value));
                case "--require-bearer" -> {
                    if (!value.equals("any")) {
                        throw new IllegalArgumentException("--require-bearer takes 'any', not '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder.profile(profile);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number from 0 to 65535, not '" + value + "'");
        }
    }
}

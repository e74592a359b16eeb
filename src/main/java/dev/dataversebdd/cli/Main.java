package dev.dataversebdd.cli;

import dev.dataversebdd.emulator.http.EmulatorMain;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The standalone program: {@code java -jar dataverse-bdd-<version>-standalone.jar <command>}, for teams that do not
 * write Java (a JavaScript app's integration tests, a .NET team's, {@code curl}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Main {

    static final String USAGE = """
            usage: java -jar dataverse-bdd-standalone.jar <command> [options]
              emulator   run the Dataverse emulator on 127.0.0.1 (emulator --help for its options)
              sweep      remove what killed live runs left in an org (sweep --help)
              health     exit 0 if the emulator on 127.0.0.1 answers (health --port N), for container health checks
              conformance run --url U   run the packaged conformance suite against any URL (conformance --help)
              conformance diff A B   compare two runs' conformance matrices
              conformance replay R   replay a recording against the emulator and show what differs
              --version  print the version
              --help     print this
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "emulator" -> EmulatorMain.main(rest);
            case "sweep" -> SweepCommand.main(rest);
            case "health" -> System.exit(HealthCommand.run(rest));
            case "conformance" -> System.exit(ConformanceCommand.run(rest));
            case "--version", "-V" -> System.out.println("dataverse-bdd " + version());
            case "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.println("error: unknown command '" + command + "'");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    /** The version from the jar's manifest ({@code Implementation-Version}), or "development" outside a jar. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}

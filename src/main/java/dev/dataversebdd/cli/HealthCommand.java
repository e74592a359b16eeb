package dev.dataversebdd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code health [--port N | --port-file FILE]}: asks a running emulator's service root whether it answers, and exits
 * 0 when it does (200, or 401 when it requires a bearer token), 1 otherwise. The container image's health check is
 * src/main/docker/healthcheck.sh, which asks the same without starting a JVM.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@Command(name = "health", sortOptions = false,
        description = "Asks the emulator on 127.0.0.1 whether it answers (GET /api/data/v9.2/: 200, or 401 when it wants a token).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy", "1:unhealthy: it does not answer, or answers something else", "2:a usage error"})
public final class HealthCommand implements Callable<Integer> {

    private static final int DEFAULT_PORT = 5555;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N",
            description = "the emulator's port (default: the one in the port file if there is one, else " + DEFAULT_PORT + ")")
    String port;

    @Option(names = "--port-file", paramLabel = "FILE", defaultValue = "${env:" + PortFile.VARIABLE + "}",
            description = "the file the emulator wrote its port to (emulator --port-file; default: $" + PortFile.VARIABLE + ")")
    Path portFile;

    HealthCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Integer> asked = port();
        if (asked.isEmpty()) {
            out.println("unhealthy: no port in " + portFile + " (the emulator writes it once it listens)");
            return CommandLines.FOUND_A_PROBLEM;
        }
        URI root = URI.create("http://127.0.0.1:" + asked.get() + "/api/data/v9.2/");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            int status = client.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean healthy = status == 200 || status == 401;
            out.println((healthy ? "healthy: " : "unhealthy: ") + root + " answered " + status);
            return healthy ? CommandLines.OK : CommandLines.FOUND_A_PROBLEM;
        } catch (IOException e) {
            out.println("unhealthy: " + root + " does not answer (" + e.getClass().getSimpleName() + ")");
            return CommandLines.FOUND_A_PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLines.FOUND_A_PROBLEM;
        }
    }

    /** --port, else the port file's port (none while the emulator starts), else the emulator's default. */
    private Optional<Integer> port() {
        if (port == null) {
            return portFile == null ? Optional.of(DEFAULT_PORT) : PortFile.read(portFile);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port takes a number from 1 to 65535, not '" + port + "'");
        }
        return Optional.of(Integer.parseInt(port));
    }
}

package dev.dataversebdd.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code health [--port N]}: asks a running emulator's service root whether it answers, and exits 0 when it does
 * (200, or 401 when it requires a bearer token), 1 otherwise. A container's health check, with nothing but the JRE.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HealthCommand {

    static final String USAGE = "usage: health [--port N]   (default 5555; asks http://127.0.0.1:N/api/data/v9.2/)\n";

    private HealthCommand() {
    }

    /** The exit code: 0 healthy, 1 not answering, 2 bad arguments. */
    static int run(String[] args) {
        int port = 5555;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length && args[i + 1].matches("\\d{1,5}")) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.print("error: unknown option '" + args[i] + "'\n" + USAGE);
                return 2;
            }
        }
        URI root = URI.create("http://127.0.0.1:" + port + "/api/data/v9.2/");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            int status = client.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean healthy = status == 200 || status == 401;
            System.out.println((healthy ? "healthy: " : "unhealthy: ") + root + " answered " + status);
            return healthy ? 0 : 1;
        } catch (IOException e) {
            System.out.println("unhealthy: " + root + " does not answer (" + e.getClass().getSimpleName() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}

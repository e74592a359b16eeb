package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's health check, src/main/docker/healthcheck.sh, run by bash as the image runs it: it follows the port
 * file and needs no JVM.
 */
class HealthcheckScriptTest {

    @TempDir
    Path folder;

    /** The script's exit code and its one line. */
    private record Check(int status, String said) {
    }

    private Check check(Path portFile) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", Path.of("src/main/docker/healthcheck.sh").toString())
                .redirectErrorStream(true);
        bash.environment().put(PortFile.VARIABLE, portFile.toString());
        Process process = bash.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("the health check ends within its time-out", process.waitFor(5, TimeUnit.SECONDS), equalTo(true));
        return new Check(process.exitValue(), said);
    }

    @Test
    void should_pass_when_the_emulator_on_the_port_in_the_port_file_answers() throws Exception {
        // GIVEN an emulator on a free port, written to the port file
        try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
            Path portFile = folder.resolve("emulator.port");
            PortFile.write(portFile, emulator.port());
            // WHEN
            Check check = check(portFile);
            // THEN
            assertThat(check.said(), check.status(), equalTo(0));
            assertThat(check.said(), equalTo("healthy: http://127.0.0.1:" + emulator.port() + "/api/data/v9.2/ answered 200\n"));
            // WHEN it wants a bearer token THEN 401 is healthy too
            emulator.service().requireBearerToken(token -> !token.isEmpty());
            assertThat(check(portFile).said(), equalTo("healthy: http://127.0.0.1:" + emulator.port()
                    + "/api/data/v9.2/ answered 401\n"));
        }
    }

    @Test
    void should_fail_when_nothing_listens_or_there_is_no_port_file() throws Exception {
        // GIVEN a port file naming a port where nothing listens
        int free;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        Path portFile = Files.writeString(folder.resolve("emulator.port"), free + "\n");
        // WHEN
        Check nothing = check(portFile);
        Check noFile = check(folder.resolve("missing.port"));
        // THEN
        assertThat(nothing.status(), equalTo(1));
        assertThat(nothing.said(), equalTo("unhealthy: http://127.0.0.1:" + free + "/api/data/v9.2/ does not answer "
                + "(nothing listens on port " + free + ")\n"));
        assertThat(noFile.status(), equalTo(1));
        assertThat(noFile.said(), equalTo("unhealthy: no port in " + folder.resolve("missing.port")
                + " (the emulator writes it once it listens)\n"));
    }
}

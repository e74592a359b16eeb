package dev.dataversebdd.cli;

import static dev.dataversebdd.cli.CommandLineConventionsTest.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.cli.CommandLineConventionsTest.Run;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code health} asks the port the emulator wrote to its port file, and says when there is none. */
class HealthCommandTest {

    @TempDir
    Path folder;

    @Test
    void should_ask_the_port_in_the_port_file() {
        // GIVEN an emulator on a free port, which it wrote to a port file
        try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
            Path portFile = folder.resolve("emulator.port");
            PortFile.write(portFile, emulator.port());
            // WHEN
            Run health = run("health", "--port-file", portFile.toString());
            // THEN
            assertThat(health.out(), health.status(), equalTo(0));
            assertThat(health.out(), equalTo("healthy: http://127.0.0.1:" + emulator.port() + "/api/data/v9.2/ answered 200\n"));
        }
    }

    @Test
    void should_be_unhealthy_while_there_is_no_port_file_and_refuse_one_without_a_port() throws Exception {
        // WHEN the emulator has not written its port file yet THEN unhealthy, exit 1
        Path missing = folder.resolve("not-yet.port");
        Run starting = run("health", "--port-file", missing.toString());
        assertThat(starting.status(), equalTo(1));
        assertThat(starting.out(), equalTo("unhealthy: no port in " + missing + " (the emulator writes it once it listens)\n"));
        // WHEN the file holds no port THEN a configuration error, exit 2
        Path garbage = Files.writeString(folder.resolve("garbage.port"), "http\n");
        Run wrong = run("health", "--port-file", garbage.toString());
        assertThat(wrong.status(), equalTo(2));
        assertThat(wrong.err(), equalTo("error: the port file " + garbage + " holds 'http', not a port number\n"));
    }

    @Test
    void should_write_the_port_file_whole() {
        // WHEN a port file is written over an older one THEN it holds the new port and nothing else is left beside it
        Path portFile = folder.resolve("emulator.port");
        PortFile.write(portFile, 5555);
        PortFile.write(portFile, 6123);
        assertThat(PortFile.read(portFile).orElseThrow(), equalTo(6123));
        assertThat(folder.toFile().list().length, equalTo(1));
    }
}

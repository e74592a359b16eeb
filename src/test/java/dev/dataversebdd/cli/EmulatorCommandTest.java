package dev.dataversebdd.cli;

import static dev.dataversebdd.cli.CommandLineConventionsTest.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.dataversebdd.cli.CommandLineConventionsTest.Run;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The emulator command's options: wrong ones are said in one line before anything starts. */
class EmulatorCommandTest {

    private static String warningFor(String host) {
        StringWriter err = new StringWriter();
        EmulatorCommand.warnIfReachableFromOtherMachines(host, new PrintWriter(err, true));
        return err.toString();
    }

    @Test
    void should_warn_when_bound_beyond_loopback_and_stay_quiet_on_loopback() {
        // WHEN bound to loopback THEN no warning; WHEN bound to every address THEN a warning
        assertThat(warningFor("127.0.0.1"), emptyString()); // the default host
        assertThat(warningFor("localhost"), emptyString());
        assertThat(warningFor("0.0.0.0"), containsString("WARNING: listening on 0.0.0.0, not on loopback"));
    }

    @Test
    void should_explain_bad_command_lines_with_the_usage_line_and_exit_2() {
        // WHEN the command line has a bad port, mode, file or a missing value THEN a message that says which
        assertThat(firstError("emulator", "--port", "http"), equalTo("error: --port takes a number from 0 to 65535, not 'http'"));
        assertThat(firstError("emulator", "--port", "70000"), equalTo("error: --port takes a number from 0 to 65535, not '70000'"));
        assertThat(firstError("emulator", "--behaviour", "bind-null=maybe"), containsString("has no mode 'maybe'"));
        assertThat(firstError("emulator", "--metadata", "/nope.xml"),
                equalTo("error: metadata file '/nope.xml' does not exist or is not readable"));
        assertThat(firstError("emulator", "--require-bearer", "some"), equalTo("error: --require-bearer takes 'any', not 'some'"));
        assertThat(firstError("emulator", "--port"), equalTo("error: Missing required parameter for option '--port' (N)"));
    }

    private static String firstError(String... args) {
        Run run = run(args);
        assertThat(run.err(), run.status(), equalTo(2));
        assertThat(run.errLines().get(1), startsWith("Usage: " + Main.NAME + " emulator [-hV]"));
        return run.errLines().get(0);
    }

    @Test
    void should_say_in_one_line_that_the_port_is_taken_and_exit_2() throws Exception {
        // GIVEN a port something else listens on
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // WHEN the emulator is asked to listen there
            Run run = run("emulator", "--port", String.valueOf(taken.getLocalPort()));
            // THEN one error line, no stack trace, nothing on stdout
            assertThat(run.status(), equalTo(2));
            assertThat(run.out(), emptyString());
            assertThat(run.errLines().size(), equalTo(1));
            assertThat(run.errLines().get(0), startsWith("error: cannot start the Dataverse emulator on 127.0.0.1:"
                    + taken.getLocalPort() + ": "));
            assertThat(run.errLines().get(0), containsString("(is the port in use? try another, or 0 for any free port)"));
        }
    }

    @Test
    void should_start_with_a_security_file_whose_tokens_authenticate_as_its_users() throws Exception {
        // GIVEN the options --security <the example file>
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--security", example().toString());
        // WHEN the emulator they ask for starts
        try (DataverseEmulator emulator = command.configure().start()) {
            // THEN Dana's token is Dana
            HttpResponse<String> whoAmI = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot()
                    + "/WhoAmI")).header("Authorization", "Bearer dana-opaque-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(whoAmI.body(), containsString("\"BusinessUnitId\":\"" + UUID.nameUUIDFromBytes(
                    "dataverse-bdd businessunit Sales".getBytes(StandardCharsets.UTF_8)) + "\""));
        }
    }

    @Test
    void should_start_with_the_service_protection_limits_asked_for_and_refuse_an_unknown_key() throws Exception {
        // GIVEN --service-protection with two requests a window
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--service-protection", "requests=2,time-scale=0.01");
        try (DataverseEmulator emulator = command.configure().start()) {
            // WHEN three requests are sent THEN the third is told to wait, and every answer carries the hint
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/accounts")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertThat(last.statusCode(), equalTo(429));
            assertThat(last.headers().firstValue("x-ms-dop-hint").orElse(null), equalTo("4"));
        }
        // AND a misspelt key is a usage error that names the keys
        assertThat(firstError("emulator", "--service-protection", "request=2"), equalTo("error: --service-protection: "
                + "service protection: unknown key 'request'; the keys are requests, window, execution-time, concurrent, "
                + "penalty-extension, time-scale, dop-hint"));
    }

    @Test
    void should_say_what_is_wrong_in_a_security_file_and_exit_2(@TempDir Path dir) throws Exception {
        // GIVEN a file with a misspelt business unit, and a path with no file
        Path wrong = Files.writeString(dir.resolve("org.json"), "{\"users\":[{\"name\":\"Dana\",\"businessUnit\":\"Emulator Orgg\"}]}");
        // WHEN the emulator is started with them THEN one line that names the file, the JSON path and the fix
        assertThat(firstError("emulator", "--port", "0", "--security", wrong.toString()), equalTo("error: security file '" + wrong
                + "': $.users[0].businessUnit: no business unit named 'Emulator Orgg'; did you mean 'Emulator Org'?"));
        assertThat(firstError("emulator", "--security", "/nope.json"),
                equalTo("error: security file '/nope.json' does not exist or is not readable"));
    }

    private static Path example() throws Exception {
        return Path.of(EmulatorCommandTest.class.getResource("/dev/dataversebdd/emulator/security-example.json").toURI());
    }
}

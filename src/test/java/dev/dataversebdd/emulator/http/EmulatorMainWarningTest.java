package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone program says so when it listens where other machines can reach it. */
class EmulatorMainWarningTest {

    private static String warningFor(String host) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmulatorMain.warnIfReachableFromOtherMachines(host);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_warn_when_bound_beyond_loopback_and_stay_quiet_on_loopback() {
        // WHEN bound to loopback THEN no warning; WHEN bound to every address THEN a warning
        assertThat(warningFor("127.0.0.1"), emptyString()); // the default host
        assertThat(warningFor("localhost"), emptyString());
        assertThat(warningFor("0.0.0.0"), containsString("WARNING: listening on 0.0.0.0, not on loopback"));
    }
}

package dev.dataversebdd.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: a run with tiny numbers must complete and fill every table, with every server
 * answering the whole mix without an error. No timing is asserted here (see src/site/markdown/performance.md for the figures).
 */
class BenchmarkSmokeTest {

    @Test
    void should_run_every_section_with_tiny_numbers_and_no_request_errors() throws Exception {
        String report = new Benchmark(true).run(List.of("--quick"));
        for (String server : List.of("raw JDK server (204 to all)", "WireMock 3.13.2 (stubs)", "emulator (real work)")) {
            for (int threads : new int[] {1, 2, 8}) {
                assertThat(report, matchesPattern("(?s).*\\| " + threads + " \\| " + java.util.regex.Pattern.quote(server)
                        + " \\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\| [\\d.]+ \\|.*"));
            }
        }
        // the mix as a role-limited user: every request allowed, as the administrator's are
        for (String caller : List.of("System Administrator (no token)", "role-limited user (opaque token, Local/Global)")) {
            for (int threads : new int[] {1, 2}) {
                assertThat(report, matchesPattern("(?s).*\\| " + threads + " \\| " + java.util.regex.Pattern.quote(caller)
                        + " \\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\| [\\d.]+ \\|.*"));
            }
        }
        assertThat(report, containsString("emulator/WireMock"));
        // the suite against a throttled stand-in: nothing failed and nothing was sent into a penalty, serial or parallel
        assertThat(report, matchesPattern("(?s).*\\| serial \\| \\d+ \\| 0 \\| \\d+ \\| \\d+ \\| 0 \\|.*"));
        assertThat(report, matchesPattern("(?s).*\\| parallel, dataverse.parallelism=4 \\| \\d+ \\| 0 \\| \\d+ \\| \\d+ \\| 0 \\|.*"));
        assertThat(report, matchesPattern("(?s).*\\| 5000 \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\|.*"));
        assertThat(report, matchesPattern("(?s).*bytes per pair.*"));
        assertThat(report, containsString("emulator start (built-in schema, HTTP server up)"));
        assertThat(report, containsString("**ratio DSL/plain**"));
        assertThat(report, matchesPattern("(?s).*\\*\\*ratio one-by-one/batch\\*\\* \\| \\*\\*[\\d.]+×\\*\\*.*"));
        assertThat(report, matchesPattern("(?s).*\\| serial \\| \\d+ \\| \\d+ ms \\|.*"));
    }
}

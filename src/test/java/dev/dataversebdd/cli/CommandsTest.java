package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.report.LeakScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @Test
    void should_read_sweep_ages_and_explain_bad_ones() {
        // WHEN sweep ages are read THEN minutes, hours and days; anything else is explained
        assertThat(SweepCommand.age("90m"), equalTo(Duration.ofMinutes(90)));
        assertThat(SweepCommand.age("2h"), equalTo(Duration.ofHours(2)));
        assertThat(SweepCommand.age("1d"), equalTo(Duration.ofDays(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepCommand.age("2 hours"));
        assertThat(e.getMessage(), equalTo("--older-than takes minutes, hours or days such as 90m, 2h or 1d, not '2 hours'"));
    }

    @Test
    void should_find_tokens_and_secrets_in_reports_without_repeating_them(@TempDir Path reports) throws Exception {
        // GIVEN a report with a masked header, and one with a token and a secret
        Files.writeString(reports.resolve("clean.txt"), "Authorization: Bearer ***\n");
        Files.createDirectories(reports.resolve("allure-results"));
        Files.writeString(reports.resolve("allure-results/leak.txt"), "ok\nAuthorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2ln\n"
                + "client_secret=my-secret-value\n");
        // WHEN the leak scan reads them THEN two findings, by file and line, without repeating the secret
        List<String> findings = new LeakScan(List.of("my-secret-value")).scan(reports);
        assertThat(findings.size(), equalTo(2));
        assertThat(findings.get(0), containsString("leak.txt:2: a JWT-shaped token"));
        assertThat(findings.get(1), containsString("leak.txt:3: configured secret #1"));
        assertThat(String.join("\n", findings), not(containsString("my-secret-value")));
    }

    @Test
    void should_fail_the_leak_scan_command_on_a_finding(@TempDir Path reports) throws Exception {
        // WHEN the leak scan command finds a token THEN it fails, naming the folder
        Files.writeString(reports.resolve("x.json"), "{\"token\":\"eyJhbGciOi.eyJzdWIiOiIx.c2ln\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LeakScanCommand.main(new String[] {reports.toString()}));
        assertThat(e.getMessage(), containsString("secrets leaked into [" + reports + "]"));
    }

    @Test
    void should_compare_two_matrices_report_the_differing_cell_and_exit_by_the_result(@TempDir Path folder)
            throws Exception {
        // GIVEN two matrices that differ in one cell, and a copy of the first
        Path org = folder.resolve("org.json");
        Path emulator = folder.resolve("emulator.json");
        Path same = folder.resolve("same.json");
        Files.writeString(org, matrix(204));
        Files.writeString(emulator, matrix(400));
        Files.writeString(same, matrix(204));
        Path out = folder.resolve("diff.json");
        // WHEN they are compared THEN exit 1, and a diff file naming the cell
        assertThat(ConformanceCommand.run(new String[] {"diff", org.toString(), emulator.toString(), "--out",
                out.toString()}), equalTo(1));
        assertThat(Files.readString(out), containsString("\"cell\" : \"associate | N:N | absolute\""));
        assertThat(Files.readString(out), containsString("\"fidelity\" : 0.5"));
        // WHEN equal ones are compared THEN exit 0; a file that is no matrix, or a wrong call, exit 2
        assertThat(ConformanceCommand.run(new String[] {"diff", org.toString(), same.toString()}), equalTo(0));
        assertThat(ConformanceCommand.run(new String[] {"diff", org.toString(), out.toString()}), equalTo(2));
        assertThat(ConformanceCommand.run(new String[] {"diff", org.toString()}), equalTo(2));
    }

    @Test
    void should_refuse_a_report_folder_it_cannot_write_before_running_anything(@TempDir Path folder) throws Exception {
        // GIVEN --out names a place where no folder can be made (a file is there)
        Path file = Files.writeString(folder.resolve("report"), "not a folder");
        // WHEN
        CommandLineConventionsTest.Run run = CommandLineConventionsTest.run("conformance", "run", "--url",
                "http://127.0.0.1:1/api/data/v9.2", "--out", file.toString());
        // THEN one line that says where and what to do, exit 2, and no scenario ran
        assertThat(run.status(), equalTo(2));
        assertThat(run.err(), equalTo("error: cannot write to " + file + " (FileAlreadyExistsException): give --out a "
                + "folder this user can write\n"));
        assertThat(run.out(), equalTo(""));
    }

    @Test
    void should_refuse_a_features_folder_that_is_not_there_before_running_anything(@TempDir Path folder) {
        // (StandaloneJarIT runs a team's own features: the step library keeps one run per JVM, which a run here would
        // hand on to the tests after it)
        CommandLineConventionsTest.Run missing = CommandLineConventionsTest.run("conformance", "run", "--url",
                "http://127.0.0.1:1/api/data/v9.2", "--features", folder.resolve("nowhere").toString(), "--out",
                folder.resolve("out2").toString());
        assertThat(missing.status(), equalTo(2));
        assertThat(missing.err(), containsString("--features " + folder.resolve("nowhere")
                + ": no such folder or file"));
    }

    private static String matrix(int status) {
        return "{\"schema\":\"dataverse-bdd/conformance-matrix\",\"version\":1,\"scenarios\":[],\"cells\":["
                + "{\"operation\":\"associate\",\"relationship\":\"N:N\",\"form\":\"absolute\",\"observations\":"
                + "[{\"location\":\"features/a.feature:3\",\"status\":" + status + ",\"code\":null,\"result\":\"PASSED\"}]},"
                + "{\"operation\":\"rebind\",\"relationship\":\"N:1\",\"form\":\"absolute\",\"observations\":"
                + "[{\"location\":\"features/a.feature:9\",\"status\":204,\"code\":null,\"result\":\"PASSED\"}]}]}";
    }

    @Test
    void should_replay_a_recording_against_a_fresh_emulator_mapping_ids_and_exit_by_the_result(@TempDir Path folder)
            throws Exception {
        // GIVEN a recording of a create and a read of the row it made, and one whose read the emulator cannot match
        String recordedId = "11111111-2222-3333-4444-555555555555";
        String provenance = "{\"format\":\"dataverse-bdd/recording\",\"version\":1}";
        String create = "{\"method\":\"POST\",\"target\":\"/api/data/v9.2/accounts\",\"requestHeaders\":{\"Content-Type\":"
                + "\"application/json\"},\"requestBody\":\"{\\\"name\\\":\\\"Contoso\\\"}\",\"status\":204,\"responseHeaders\":"
                + "{\"OData-EntityId\":\"{org}/api/data/v9.2/accounts(" + recordedId + ")\"},\"responseBody\":\"\"}";
        String read = "{\"method\":\"GET\",\"target\":\"/api/data/v9.2/accounts(" + recordedId + ")?$select=name\","
                + "\"requestHeaders\":{},\"requestBody\":\"\",\"status\":%d,\"responseHeaders\":{},\"responseBody\":"
                + "\"{\\\"@odata.context\\\":\\\"{org}/api/data/v9.2/$metadata#accounts(name)/$entity\\\",\\\"@odata.etag\\\":"
                + "\\\"W/\\\\\\\"1\\\\\\\"\\\",\\\"name\\\":\\\"Contoso\\\",\\\"accountid\\\":\\\"" + recordedId + "\\\"}\"}";
        Path same = folder.resolve("same.jsonl");
        Files.writeString(same, provenance + "\n" + create + "\n" + String.format(read, 200) + "\n");
        Path other = folder.resolve("other.jsonl");
        Files.writeString(other, provenance + "\n" + create + "\n" + String.format(read, 404) + "\n");
        // WHEN replayed THEN the emulator gives the row another id, mapped: the answers are as recorded
        assertThat(ConformanceCommand.run(new String[] {"replay", same.toString()}), equalTo(0));
        // WHEN a recorded status is not what the emulator answers THEN it is flagged (exit 1); a missing file is 2
        assertThat(ConformanceCommand.run(new String[] {"replay", other.toString()}), equalTo(1));
        assertThat(ConformanceCommand.run(new String[] {"replay", folder.resolve("missing.jsonl").toString()}), equalTo(2));
    }
}

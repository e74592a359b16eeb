package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The emulator started on an org's {@code $metadata} alone says once, at start-up, which documented defaults it
 * applied and what it could not know; started on a capture ({@code --metadata-dir}), where the capture came from.
 */
class EmulatorMetadataTest {

    @TempDir
    Path folder;

    private Path orgStyleMetadata() throws Exception {
        try (InputStream in = DataverseEmulator.class.getResourceAsStream("/dev/dataversebdd/emulator/metadata.xml")) {
            String org = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s*<OnDelete Action=\"Cascade\" />", "");
            return Files.writeString(folder.resolve("org-metadata.xml"), org);
        }
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void should_say_once_at_start_up_which_defaults_a_metadata_file_got() throws Exception {
        // GIVEN the standalone program's options --metadata <an org's $metadata>
        StringWriter out = new StringWriter();
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).setOut(new PrintWriter(out, true)).parseArgs("--port", "0", "--metadata",
                orgStyleMetadata().toString());
        // WHEN the emulator they ask for starts THEN it said it once
        try (DataverseEmulator emulator = command.configure().start()) {
            assertThat(emulator.port() > 0, equalTo(true));
            assertThat(out.toString(), occurrences(out.toString(), "documented defaults"), equalTo(1));
            assertThat(out.toString(), containsString("email_activity_parties"));
            assertThat(out.toString(), containsString("Not known from $metadata alone"));
        }
    }

    @Test
    void should_say_once_where_a_capture_came_from_and_nothing_for_the_built_in_schema() {
        List<String> notes = new ArrayList<>();
        try (DataverseEmulator emulator = DataverseEmulator.builder().metadataDir(
                Path.of("src/it/consumer-custom-table/metadata/capture")).notes(notes::add).start()) {
            assertThat(emulator.port() > 0, equalTo(true));
            assertThat(notes.toString(), notes.size(), equalTo(1));
            assertThat(notes.get(0), containsString("captured from org sha256:"));
        }
        List<String> none = new ArrayList<>();
        try (DataverseEmulator emulator = DataverseEmulator.builder().notes(none::add).start()) {
            assertThat(emulator.port() > 0 && none.isEmpty(), equalTo(true));
        }
    }

    @Test
    void should_serve_a_capture_given_with_metadata_dir() throws Exception {
        StringWriter out = new StringWriter();
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).setOut(new PrintWriter(out, true)).parseArgs("--port", "0", "--metadata-dir",
                "src/it/consumer-custom-table/metadata/capture");
        try (DataverseEmulator emulator = command.configure().start()) {
            java.net.http.HttpResponse<String> projects = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.serviceRoot() + "/cr123_projects"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(projects.body(), projects.statusCode(), equalTo(200));
            assertThat(out.toString(), containsString("captured from org sha256:"));
        }
    }

    @Test
    void should_refuse_both_metadata_options_at_once() throws Exception {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--metadata", orgStyleMetadata().toString(), "--metadata-dir",
                "src/it/consumer-custom-table/metadata/capture");
        CommandLine.ParameterException refused = org.junit.jupiter.api.Assertions.assertThrows(
                CommandLine.ParameterException.class, command::configure);
        assertThat(refused.getMessage(), equalTo("give --metadata or --metadata-dir, not both"));
    }
}

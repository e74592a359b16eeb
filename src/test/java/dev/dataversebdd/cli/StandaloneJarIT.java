package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The standalone program as a team that does not write Java runs it: {@code java -jar …-standalone.jar emulator},
 * then the seed document's associate from another process's HTTP client; {@code conformance run} against services
 * on loopback, with a token and with none.
 */
class StandaloneJarIT {

    private static final Pattern ROOT = Pattern.compile("Service root: (http://127\\.0\\.0\\.1:\\d+/api/data/v9\\.2)/");
    private static final Pattern ID = Pattern.compile("\\(([0-9a-f-]{36})\\)$");

    private static Path jar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-standalone.jar")).findFirst().orElseThrow()
                    .toAbsolutePath();
        }
    }

    private static List<String> command(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void should_answer_the_seed_associate_from_the_standalone_emulator(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        long started = System.nanoTime();
        Path portFile = folder.resolve("emulator.port");
        Process emulator = new ProcessBuilder(command("emulator", "--port", "0", "--port-file", portFile.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
            String root = null;
            for (String line = out.readLine(); line != null && root == null; line = out.readLine()) {
                Matcher m = ROOT.matcher(line);
                root = m.find() ? m.group(1) : null;
            }
            assertThat("the emulator printed its service root", root != null, equalTo(true));
            System.out.printf("standalone emulator ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            HttpClient client = HttpClient.newHttpClient();
            String account = create(client, root, "accounts", "{\"name\":\"Contoso\"}");
            String opportunity = create(client, root, "opportunities", "{\"name\":\"Big deal\"}");
            HttpResponse<String> associate = client.send(HttpRequest.newBuilder(URI.create(root + "/accounts(" + account
                    + ")/opportunity_customer_accounts/$ref")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"@odata.id\":\"" + root + "/opportunities(" + opportunity
                            + ")\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(associate.statusCode(), equalTo(204));
            assertThat(associate.body(), equalTo(""));
            // AND the health check finds it answering on the port it wrote to its port file, as the container's does
            String port = root.replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");
            assertThat(Files.readString(portFile), equalTo(port + "\n"));
            ProcessBuilder health = new ProcessBuilder(command("health")).redirectErrorStream(true);
            health.environment().put("DATAVERSE_EMULATOR_PORT_FILE", portFile.toString());
            Process healthy = health.start();
            assertThat(new String(healthy.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    healthy.waitFor(), equalTo(0));
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void should_tell_its_version_and_its_commands() throws Exception {
        Process version = new ProcessBuilder(command("--version")).redirectErrorStream(true).start();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                startsWith("dataverse-bdd 0."));
        Process unknown = new ProcessBuilder(command("frobnicate")).redirectErrorStream(true).start();
        String said = new String(unknown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unknown.waitFor(), equalTo(2));
        assertThat(said, startsWith("error: unknown command 'frobnicate'"));
        // a wrong flag of a command: the error and that command's usage line on stderr, nothing on stdout, exit 2
        Process wrongFlag = new ProcessBuilder(command("sweep", "--no-such-flag")).start();
        String out = new String(wrongFlag.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> err = new String(wrongFlag.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(wrongFlag.waitFor(), equalTo(2));
        assertThat(out, equalTo(""));
        assertThat(err.get(0), equalTo("error: Unknown option: '--no-such-flag'"));
        assertThat(err.get(1), startsWith("Usage: java -jar dataverse-bdd-standalone.jar sweep [-hV]"));
        // a health check of a port where nothing listens says so, and fails
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        Process unhealthy = new ProcessBuilder(command("health", "--port", String.valueOf(free))).redirectErrorStream(true)
                .start();
        String answer = new String(unhealthy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unhealthy.waitFor(), equalTo(1));
        assertThat(answer, startsWith("unhealthy: http://127.0.0.1:" + free + "/api/data/v9.2/ does not answer"));
    }

    @Test
    void should_carry_the_licences_and_notices_of_the_libraries_it_bundles() throws Exception {
        // WHEN the jar's licence and notice files are read
        String licences;
        String notices;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(jar().toFile())) {
            licences = read(jar, "META-INF/LICENSE") + read(jar, "META-INF/LICENSE.txt");
            notices = read(jar, "META-INF/NOTICE");
            // THEN every bundled library's text is there: the Apache licence (Jackson, Groovy, picocli, ...), Hamcrest's
            // BSD licence, SLF4J's MIT licence, and the notices Apache-licensed libraries ask to keep
            assertThat(licences, org.hamcrest.Matchers.containsString("Apache License"));
            assertThat(licences, org.hamcrest.Matchers.containsString("hamcrest.org"));
            assertThat(licences, org.hamcrest.Matchers.containsString("QOS.ch"));
            assertThat(notices, org.hamcrest.Matchers.containsString("Apache Groovy"));
            assertThat(notices, org.hamcrest.Matchers.containsString("Jackson"));
            assertThat(jar.getEntry("META-INF/licenses/asm-license.txt") != null, equalTo(true));
            // AND picocli, the command line, is inside
            assertThat(jar.getEntry("picocli/CommandLine.class") != null, equalTo(true));
        }
    }

    private static String read(java.util.jar.JarFile jar, String entry) throws java.io.IOException {
        java.util.zip.ZipEntry found = jar.getEntry(entry);
        assertThat(entry + " is in the jar", found != null, equalTo(true));
        try (java.io.InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String create(HttpClient client, String root, String set, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(root + "/" + set))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), equalTo(204));
        Matcher m = ID.matcher(response.headers().firstValue("OData-EntityId").orElseThrow());
        assertThat(m.find(), equalTo(true));
        return m.group(1);
    }

    @Test
    void should_run_the_packaged_suite_against_a_url_with_the_rules_of_a_live_run_and_write_the_matrix(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        // GIVEN an emulator on loopback that wants a bearer token, standing in for any Dataverse-like service
        try (dev.dataversebdd.emulator.http.DataverseEmulator other = dev.dataversebdd.emulator.http.DataverseEmulator
                .builder().start()) {
            other.service().requireBearerToken(token -> token.equals("a-token-for-the-run"));
            int rowsBefore = other.service().rowCount();
            // WHEN the standalone program runs the seed scenarios against its service root
            Process process = withToken(command("conformance", "run", "--url", other.serviceRoot(),
                    "--tags", "@seed-v9.0", "--out", folder.resolve("out").toString()), folder).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // THEN every scenario conformed, the reports and the matrix are where asked, the token is in none of
            // them, and the service holds nothing the run created
            assertThat(output, process.waitFor(), equalTo(0));
            String matrix = Files.readString(folder.resolve("out/conformance/matrix.json"));
            assertThat(matrix, org.hamcrest.Matchers.containsString("\"failed\" : 0"));
            assertThat(Files.exists(folder.resolve("out/cucumber/cucumber.html")), equalTo(true));
            assertThat(new dev.dataversebdd.report.LeakScan(List.of("a-token-for-the-run")).scan(folder.resolve("out")),
                    org.hamcrest.Matchers.empty());
            assertThat(other.service().rowCount(), equalTo(rowsBefore));
            // AND a wrong URL is one clear line and exit code 2
            Process wrong = new ProcessBuilder(command("conformance", "run", "--url", "contoso")).redirectErrorStream(true)
                    .start();
            String said = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(said, wrong.waitFor(), equalTo(2));
            assertThat(said, startsWith("error: --url takes a service root"));
        }
    }

    @Test
    void should_run_the_seed_scenarios_without_credentials_against_a_target_that_needs_none(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        // GIVEN an emulator on loopback that wants no token, standing in for an OData service or another emulator
        try (dev.dataversebdd.emulator.http.DataverseEmulator other = dev.dataversebdd.emulator.http.DataverseEmulator
                .builder().start()) {
            int rowsBefore = other.service().rowCount();
            // WHEN the standalone program runs the seed scenarios with --no-auth, and no credential in its environment
            Process process = noCredentials(command("conformance", "run", "--url", other.serviceRoot(), "--no-auth",
                    "--tags", "@seed-v9.0", "--out", folder.resolve("out").toString()), folder).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // THEN every seed scenario conformed, and not one request carried an Authorization header
            assertThat(output, process.waitFor(), equalTo(0));
            com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(folder.resolve("out/conformance/matrix.json").toFile()).path("summary");
            assertThat(summary.toString(), summary.path("failed").asInt(), equalTo(0));
            assertThat(summary.toString(), summary.path("passed").asInt(), org.hamcrest.Matchers.greaterThan(5));
            assertThat(summary.toString(), summary.path("liveWireCells").asInt(), org.hamcrest.Matchers.greaterThan(0));
            assertThat(output, org.hamcrest.Matchers.containsString("; every scenario conformed; "
                    + summary.path("singleScenarioCells").asInt() + " of " + summary.path("cells").asInt()
                    + " cells backed by a single scenario"));
            List<dev.dataversebdd.emulator.core.JournalEntry> journal = other.service().journal();
            assertThat(journal.size(), org.hamcrest.Matchers.greaterThan(20));
            assertThat(journal.stream().filter(entry -> entry.headers().keySet().stream()
                    .anyMatch(h -> h.equalsIgnoreCase("Authorization"))).map(entry -> entry.method() + " "
                    + entry.target()).toList(), org.hamcrest.Matchers.empty());
            assertThat(other.service().rowCount(), equalTo(rowsBefore));
            // AND when the target wants a token after all, the run stops before any scenario, in one line
            other.service().requireBearerToken(token -> true);
            Process refused = noCredentials(command("conformance", "run", "--url", other.serviceRoot(), "--no-auth",
                    "--out", folder.resolve("refused").toString()), folder).start();
            String said = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(said, refused.waitFor(), equalTo(2));
            assertThat(said.strip(), equalTo("error: live org " + other.baseUri() + " (api v9.2) answered 401 to GET "
                    + "$metadata, sent without credentials (dataverse.auth=none): it wants authentication. Give it a "
                    + "token with dataverse.token (env DATAVERSE_TOKEN) or client credentials, and drop "
                    + "dataverse.auth=none (--no-auth)."));
            // AND without --no-auth and without credentials, the one line names the opt-in
            Process missing = noCredentials(command("conformance", "run", "--url", other.serviceRoot(),
                    "--out", folder.resolve("missing").toString()), folder).start();
            String told = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(told, missing.waitFor(), equalTo(2));
            assertThat(told, told.lines().count(), equalTo(1L));
            assertThat(told, org.hamcrest.Matchers.containsString("(conformance run --no-auth)"));
        }
    }

    /** The process with the token the test's service accepts, and the loopback host allowed. */
    private static ProcessBuilder withToken(List<String> command, Path folder) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("DATAVERSE_TOKEN", "a-token-for-the-run");
        builder.environment().put("DATAVERSE_ALLOWED_HOSTS", "127.0.0.1");
        return builder;
    }

    /** The process with no DATAVERSE_* setting of this JVM's environment but the loopback host allowed. */
    private static ProcessBuilder noCredentials(List<String> command, Path folder) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATAVERSE_"));
        builder.environment().put("DATAVERSE_ALLOWED_HOSTS", "127.0.0.1");
        return builder;
    }

    @Test
    void should_run_a_teams_own_features_against_a_url(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        // GIVEN a team's own feature, and a token-protected service on loopback
        Path features = Files.createDirectories(folder.resolve("our-features"));
        Files.writeString(features.resolve("ours.feature"), """
                Feature: Our own
                  Scenario: Our contact goes under our account
                    Given an account "Ours"
                    And a contact "Mine"
                    When contact "Mine" is added to the contact_customer_accounts of account "Ours"
                    Then the request succeeds with 204 No Content
                """);
        try (dev.dataversebdd.emulator.http.DataverseEmulator other = dev.dataversebdd.emulator.http.DataverseEmulator
                .builder().start()) {
            other.service().requireBearerToken(token -> token.equals("a-token-for-the-run"));
            int rowsBefore = other.service().rowCount();
            // WHEN conformance run is given the folder
            Process process = withToken(command("conformance", "run", "--url", other.serviceRoot(),
                    "--features", features.toString(), "--out", folder.resolve("out").toString()), folder).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // THEN its scenario ran, alone, the matrix says so, and the service holds nothing of the run
            assertThat(output, process.waitFor(), equalTo(0));
            String matrix = Files.readString(folder.resolve("out/conformance/matrix.json"));
            assertThat(matrix, org.hamcrest.Matchers.containsString("ours.feature"));
            assertThat(matrix, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("features/associate")));
            assertThat(other.service().rowCount(), equalTo(rowsBefore));
        }
    }
}

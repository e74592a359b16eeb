package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of a stand-in org (the emulator on loopback, token-protected, serving the definition endpoints) loads into
 * an emulator that answers as the stand-in does: the same definitions for the captured tables and relationships, and
 * the same cascade, formatted values and alternate keys.
 */
class MetadataCaptureRoundTripTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> CHOSEN = List.of("contact", "email");

    @TempDir
    Path folder;

    /** The stand-in's bearer token, as a live run sends it. */
    private static Map<String, String> standInHeaders = Map.of();

    private MetadataCapture.Result capture() throws Exception {
        try (Target target = LocalOrg.target(LOCAL.settings())) {
            standInHeaders = target.requestHeaders();
            return MetadataCapture.pull(target, folder, CHOSEN, CLOCK);
        }
    }

    @Test
    void should_write_the_csdl_the_definitions_and_the_provenance_of_the_chosen_tables_and_their_related_tables()
            throws Exception {
        int before = LOCAL.org().service().journal().size();
        MetadataCapture.Result result = capture();
        assertThat(result.tables(), hasItems("contact", "email", "account", "activityparty", "task", "opportunity"));
        assertThat(Files.readString(folder.resolve("metadata.xml")), containsString("<EntityType Name=\"contact\""));
        // the org's document cut to the captured tables and the tables their lookups lead to
        List<String> types = CsdlTrim.entityTypes(Files.readAllBytes(folder.resolve("metadata.xml")));
        assertThat(types, hasItems("contact", "email", "account", "activityparty", "systemuser", "crmbaseentity"));
        assertThat(types.toString(), types.contains("privilege") || types.contains("roleprivileges")
                || types.contains("principalobjectaccess"), equalTo(false));
        JsonNode provenance = JSON.readTree(folder.resolve("provenance.json").toFile());
        assertThat(provenance.path("orgHostHash").asText(), equalTo(MetadataCapture.hostHash("127.0.0.1")));
        assertThat(provenance.path("apiVersion").asText(), equalTo("v9.2"));
        assertThat(provenance.path("capturedAt").asText(), equalTo("2026-12-02T00:00:00Z"));
        JsonNode relationships = JSON.readTree(folder.resolve("RelationshipDefinitions.json").toFile()).path("value");
        JsonNode parties = find(relationships, "email_activity_parties");
        assertThat(parties.path("CascadeConfiguration").path("Delete").asText(), equalTo("Cascade"));
        assertThat(find(relationships, "opportunitycompetitors_association").isMissingNode(), equalTo(true));
        JsonNode entities = JSON.readTree(folder.resolve("EntityDefinitions.json").toFile()).path("value");
        JsonNode party = null;
        for (JsonNode entity : entities) {
            if (entity.path("LogicalName").asText().equals("activityparty")) {
                party = entity;
            }
        }
        assertThat(party.toString(), containsString("To Recipient"));
        // and the org saw nothing but GETs
        List<String> methods = new ArrayList<>();
        List<dev.dataversebdd.emulator.core.JournalEntry> journal = LOCAL.org().service().journal();
        journal.subList(before, journal.size()).forEach(e -> methods.add(e.method()));
        assertThat(methods.stream().distinct().toList(), equalTo(List.of("GET")));
    }

    @Test
    void should_load_into_an_emulator_that_answers_the_definition_endpoints_as_the_stand_in() throws Exception {
        capture();
        try (DataverseEmulator captured = DataverseEmulator.builder().metadataDir(folder).start()) {
            for (String table : List.of("contact", "email", "account", "activityparty")) {
                String path = "EntityDefinitions(LogicalName='" + table + "')?$expand=Attributes,OneToManyRelationships,"
                        + "ManyToOneRelationships,Keys";
                assertThat(path, normalised(captured, path), equalTo(normalised(LOCAL.org(), path)));
            }
            for (String relationship : List.of("email_activity_parties", "contact_customer_accounts", "Contact_Tasks",
                    "account_primary_contact")) {
                String path = "RelationshipDefinitions(SchemaName='" + relationship + "')";
                assertThat(path, normalised(captured, path), equalTo(normalised(LOCAL.org(), path)));
            }
            String options = "EntityDefinitions(LogicalName='activityparty')/Attributes(LogicalName='participationtypemask')"
                    + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet";
            assertThat(normalised(captured, options), equalTo(normalised(LOCAL.org(), options)));
        }
    }

    @Test
    void should_load_into_an_emulator_that_cascades_formats_and_keys_as_the_stand_in() throws Exception {
        capture();
        try (DataverseEmulator captured = DataverseEmulator.builder().metadataDir(folder).start()) {
            assertThat(script(captured), equalTo(script(LOCAL.org())));
            assertThat(script(captured), hasItems("contact after account deleted: 404", "task after account deleted: 404",
                    "parties after email deleted: 0", "formatted: To Recipient"));
        }
    }

    @Test
    void should_capture_through_the_maven_runnable_command_with_the_live_run_settings() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> setting : LOCAL.settings().entrySet()) {
            if (!setting.getKey().equals("dataverse.url") && !setting.getKey().equals("dataverse.target")) {
                command.add("-D" + setting.getKey() + "=" + setting.getValue());
            }
        }
        command.addAll(List.of("dev.dataversebdd.cli.MetadataPullCommand", "--url", LOCAL.org().baseUri(),
                "--out", folder.toString(), "--tables", "email"));
        ProcessBuilder pull = new ProcessBuilder(command);
        pull.environment().keySet().removeIf(name -> name.startsWith("DATAVERSE_"));
        Process process = pull.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS), equalTo(true));
        assertThat(err, process.exitValue(), equalTo(0));
        assertThat(out, containsString("relationship(s)"));
        assertThat(err, not(containsString(LocalOrg.SECRET)));
        assertThat(Files.exists(folder.resolve("RelationshipDefinitions.json")), equalTo(true));
    }

    @Test
    void should_wait_out_throttling_as_a_live_run_does() throws Exception {
        // GIVEN an org that answers 429 with Retry-After twice, a few requests into the capture
        LOCAL.org().service().injectFault(new dev.dataversebdd.emulator.core.Fault(429, 1, 2, 3));
        try {
            // WHEN it is captured THEN the capture waits and completes
            MetadataCapture.Result result = capture();
            assertThat(result.tables(), hasItems("contact", "email"));
        } finally {
            LOCAL.org().service().clearFaults();
        }
        long throttled = LOCAL.org().service().journal().stream().filter(e -> e.status() == 429).count();
        assertThat(throttled, equalTo(2L));
    }

    @Test
    void should_stop_on_a_refusal_naming_the_request_and_an_unknown_table_with_the_closest_name() throws Exception {
        LOCAL.org().service().injectFault(new dev.dataversebdd.emulator.core.Fault(403, null, 1, 2));
        IllegalStateException refused;
        try {
            refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, this::capture);
        } finally {
            LOCAL.org().service().clearFaults();
        }
        assertThat(refused.getMessage(), containsString("answered 403"));
        assertThat(refused.getMessage(), containsString("the live-run credentials must be able to read table definitions"));
        assertThat(refused.getMessage(), not(containsString(LocalOrg.SECRET)));
        IllegalArgumentException unknown;
        try (Target target = LocalOrg.target(LOCAL.settings())) {
            unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> MetadataCapture.pull(target, folder, List.of("contcat"), CLOCK));
        }
        assertThat(unknown.getMessage(), containsString("'contcat'"));
        assertThat(unknown.getMessage(), containsString("contact"));
    }

    /** The same requests against both: what a scenario would observe of cascade, formatted values and keys. */
    private static List<String> script(DataverseEmulator org) throws Exception {
        List<String> seen = new ArrayList<>();
        String account = create(org, "accounts", "{\"name\":\"Parent\",\"accountnumber\":\"RT-1\"}");
        String contact = create(org, "contacts", "{\"lastname\":\"Child\",\"parentcustomerid_account@odata.bind\":\"/accounts("
                + account + ")\"}");
        String task = create(org, "tasks", "{\"subject\":\"Call\",\"regardingobjectid_account_task@odata.bind\":\"/accounts("
                + account + ")\"}");
        String other = create(org, "contacts", "{\"lastname\":\"To\"}");
        String email = create(org, "emails", "{\"subject\":\"Hi\",\"email_activity_parties\":[{\"participationtypemask\":2,"
                + "\"partyid_contact@odata.bind\":\"/contacts(" + other + ")\"}]}");
        JsonNode party = JSON.readTree(send(org, "GET", "activityparties?$select=participationtypemask,_partyid_value", null,
                "odata.include-annotations=\"*\"").body()).path("value").get(0);
        seen.add("formatted: " + party.path("participationtypemask@OData.Community.Display.V1.FormattedValue").asText());
        seen.add("party name: " + party.path("_partyid_value@OData.Community.Display.V1.FormattedValue").asText());
        seen.add("by key: " + send(org, "GET", "accounts(accountnumber='RT-1')?$select=name", null, null).statusCode());
        send(org, "DELETE", "emails(" + email + ")", null, null);
        seen.add("parties after email deleted: " + JSON.readTree(send(org, "GET", "activityparties", null, null).body())
                .path("value").size());
        send(org, "DELETE", "accounts(" + account + ")", null, null);
        seen.add("contact after account deleted: " + send(org, "GET", "contacts(" + contact + ")", null, null).statusCode());
        seen.add("task after account deleted: " + send(org, "GET", "tasks(" + task + ")", null, null).statusCode());
        send(org, "DELETE", "contacts(" + other + ")", null, null);
        return seen;
    }

    private static String create(DataverseEmulator org, String set, String body) throws Exception {
        HttpResponse<String> response = send(org, "POST", set, body, null);
        assertThat(response.body(), response.statusCode(), equalTo(204));
        String location = response.headers().firstValue("OData-EntityId").orElseThrow();
        return location.substring(location.lastIndexOf('(') + 1, location.length() - 1);
    }

    /** The body with the emulator's own address taken out, so two emulators' answers compare. */
    private static String normalised(DataverseEmulator org, String path) throws Exception {
        HttpResponse<String> response = send(org, "GET", path, null, null);
        assertThat(response.body(), response.statusCode(), equalTo(200));
        return response.body().replace(org.baseUri(), "<org>").replace(URI.create(org.baseUri()).getAuthority(), "<org>");
    }

    private static HttpResponse<String> send(DataverseEmulator org, String method, String path, String body,
                                             String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(org.serviceRoot() + "/" + path.replace(" ", "%20")))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (org == LOCAL.org()) {
            standInHeaders.forEach(request::header);
        }
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode relationships, String schemaName) {
        for (JsonNode relationship : relationships) {
            if (relationship.path("SchemaName").asText().equals(schemaName)) {
                return relationship;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static org.hamcrest.Matcher<String> not(org.hamcrest.Matcher<String> matcher) {
        return org.hamcrest.Matchers.not(matcher);
    }
}

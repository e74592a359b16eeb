package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of metadata.md: the custom-table consumer's capture ({@code metadata pull} of its org) makes the
 * emulator behave as that org, where its {@code $metadata} alone cannot: the account-to-project relationship is
 * parental there, the project's name column is {@code cr123_name}, the N:N's first table is the project.
 */
class CapturedFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CAPTURE = Path.of("src/it/consumer-custom-table/metadata/capture");

    private static UUID projectUnderDeletedAccount(ServiceDriver driver) {
        UUID account = driver.create("accounts", "{\"name\":\"Contoso\"}");
        UUID project = driver.create("cr123_projects", "{\"cr123_name\":\"Migration\",\"cr123_AccountId@odata.bind\":"
                + "\"/accounts(" + account + ")\"}");
        assertThat(driver.send("DELETE", "accounts(" + account + ")", null).status(), equalTo(204));
        return project;
    }

    @Test
    void should_cascade_as_the_captured_relationship_definitions_say() {
        ServiceDriver captured = new ServiceDriver(Schema.fromFolder(CAPTURE), BehaviourProfile.defaults());
        assertThat(captured.send("GET", "cr123_projects(" + projectUnderDeletedAccount(captured) + ")", null).status(),
                equalTo(404));
        // the same org's $metadata alone does not know: the project stays, without its account
        ServiceDriver csdlOnly = new ServiceDriver(Schema.fromFile(CAPTURE.resolve("metadata.xml")), BehaviourProfile.defaults());
        assertThat(csdlOnly.send("GET", "cr123_projects(" + projectUnderDeletedAccount(csdlOnly) + ")", null).status(),
                equalTo(200));
    }

    @Test
    void should_answer_the_definitions_of_the_capture_and_say_where_it_came_from() throws Exception {
        Schema schema = Schema.fromFolder(CAPTURE);
        assertThat(schema.notes().get(0), containsString("captured from org sha256:"));
        assertThat(schema.notes().get(0), containsString("2026-12-01T09:00:00Z"));
        ServiceDriver driver = new ServiceDriver(schema, BehaviourProfile.defaults());
        JsonNode project = JSON.readTree(driver.send("GET", "EntityDefinitions(LogicalName='cr123_project')?$select="
                + "PrimaryNameAttribute,OwnershipType,ObjectTypeCode&$expand=ManyToManyRelationships", null).bodyText());
        assertThat(project.path("PrimaryNameAttribute").asText(), equalTo("cr123_name"));
        assertThat(project.path("OwnershipType").asText(), equalTo("UserOwned"));
        assertThat(project.path("ObjectTypeCode").asInt(), equalTo(10243));
        assertThat(project.path("ManyToManyRelationships").get(0).path("Entity1LogicalName").asText(),
                equalTo("cr123_project"));
    }

    @Test
    void should_take_an_alternate_key_the_capture_names_and_the_csdl_does_not_declare() throws Exception {
        ServiceDriver driver = new ServiceDriver(Schema.fromFolder(CAPTURE), BehaviourProfile.defaults());
        UUID project = driver.create("cr123_projects", "{\"cr123_name\":\"Migration\"}");
        JsonNode byKey = JSON.readTree(driver.send("GET", "cr123_projects(cr123_name='Migration')?$select=cr123_name", null)
                .bodyText());
        assertThat(byKey.path("cr123_projectid").asText(), equalTo(project.toString()));
        JsonNode keys = JSON.readTree(driver.send("GET", "EntityDefinitions(LogicalName='cr123_project')/Keys", null).bodyText());
        assertThat(keys.path("value").get(0).path("LogicalName").asText(), equalTo("cr123_projectname"));
        assertThat(driver.send("POST", "cr123_projects", "{\"cr123_name\":\"Migration\"}").status(), equalTo(412));
    }

    @Test
    void should_refuse_a_folder_without_metadata_naming_the_command_that_writes_one(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty);
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Schema.fromFolder(empty));
        assertThat(refused.getMessage(), containsString("metadata pull --url <org> --out " + empty));
    }
}

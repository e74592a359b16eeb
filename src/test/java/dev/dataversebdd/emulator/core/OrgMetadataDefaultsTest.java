package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An org's {@code $metadata} carries no {@code OnDelete} (cascade configuration lives in the relationship
 * definitions): loaded alone, it gets Dataverse's documented defaults for system relationships, and says so once.
 */
class OrgMetadataDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** The built-in document as an org serves it: the same tables, no OnDelete element anywhere. */
    private Path orgStyleMetadata() throws Exception {
        String builtIn;
        try (InputStream in = Schema.class.getResourceAsStream("/dev/dataversebdd/emulator/metadata.xml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String org = builtIn.replaceAll("\\s*<OnDelete Action=\"Cascade\" />", "");
        assertThat(org, not(containsString("<OnDelete")));
        Path file = folder.resolve("org-metadata.xml");
        Files.writeString(file, org);
        return file;
    }

    @Test
    void should_delete_an_emails_activity_parties_with_it_when_loaded_from_metadata_alone() throws Exception {
        // GIVEN an emulator loaded with an org-style $metadata file and nothing else
        ServiceDriver driver = new ServiceDriver(Schema.fromFile(orgStyleMetadata()), BehaviourProfile.defaults());
        UUID contact = driver.create("contacts", "{\"lastname\":\"Party\"}");
        UUID email = driver.create("emails", "{\"subject\":\"Hello\",\"email_activity_parties\":[{\"participationtypemask\":2,"
                + "\"partyid_contact@odata.bind\":\"/contacts(" + contact + ")\"}]}");
        assertThat(parties(driver).size(), equalTo(1));
        // WHEN the email is deleted
        assertThat(driver.send("DELETE", "emails(" + email + ")", null).status(), equalTo(204));
        // THEN its activity party went with it, as Dataverse's activityparty relationships say, and the contact stayed
        assertThat(parties(driver).size(), equalTo(0));
        assertThat(driver.send("GET", "contacts(" + contact + ")", null).status(), equalTo(200));
    }

    @Test
    void should_cascade_the_documented_parental_system_relationships_and_remove_other_links() throws Exception {
        ServiceDriver driver = new ServiceDriver(Schema.fromFile(orgStyleMetadata()), BehaviourProfile.defaults());
        UUID account = driver.create("accounts", "{\"name\":\"Parent\"}");
        UUID child = driver.create("contacts", "{\"lastname\":\"Child\",\"parentcustomerid_account@odata.bind\":\"/accounts("
                + account + ")\"}");
        UUID primary = driver.create("contacts", "{\"lastname\":\"Primary\"}");
        UUID other = driver.create("accounts", "{\"name\":\"Other\",\"primarycontactid@odata.bind\":\"/contacts(" + primary + ")\"}");
        UUID task = driver.create("tasks", "{\"subject\":\"Call\",\"regardingobjectid_account_task@odata.bind\":\"/accounts("
                + account + ")\"}");
        // WHEN the parent account and the primary contact are deleted
        driver.send("DELETE", "accounts(" + account + ")", null);
        driver.send("DELETE", "contacts(" + primary + ")", null);
        // THEN contact_customer_accounts and Account_Tasks (parental) took their rows; account_primary_contact removed the link
        assertThat(driver.send("GET", "contacts(" + child + ")", null).status(), equalTo(404));
        assertThat(driver.send("GET", "tasks(" + task + ")", null).status(), equalTo(404));
        JsonNode kept = JSON.readTree(driver.send("GET", "accounts(" + other + ")?$select=_primarycontactid_value", null).bodyText());
        assertThat(kept.path("_primarycontactid_value").isNull(), equalTo(true));
    }

    @Test
    void should_say_once_which_defaults_it_applied_and_what_it_could_not_know() throws Exception {
        Schema schema = Schema.fromFile(orgStyleMetadata());
        assertThat(schema.notes().size(), equalTo(1));
        String note = schema.notes().get(0);
        assertThat(note, containsString("email_activity_parties"));
        assertThat(note, containsString("contact_customer_accounts"));
        assertThat(note, containsString("Not known from $metadata alone"));
        assertThat(note, containsString("metadata pull"));
        // a document that declares its own OnDelete (the built-in one) is taken as it is, with nothing to say
        assertThat(Schema.standard().notes().isEmpty(), equalTo(true));
    }

    private static JsonNode parties(ServiceDriver driver) throws Exception {
        return JSON.readTree(driver.send("GET", "activityparties", null).bodyText()).path("value");
    }
}

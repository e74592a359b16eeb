package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RefusedRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live safety reads the org's cascade configuration from its relationship definitions, not from {@code $metadata}
 * (which carries none): a delete whose owned child only loses its link goes ahead; the same delete on an org whose
 * definitions say it cascades is refused, because it would reach a row the run did not create. The second org is an
 * emulator loaded from a capture, and each run leaves its org as it was.
 */
class CascadeFromDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /**
     * A run's contact C, a run's account A whose primary contact is C, and the org's contact X1 below A. Deleting C
     * reaches X1 only if account_primary_contact cascades (then A goes, and X1 with it through
     * contact_customer_accounts); where it removes the link, only A's primarycontactid changes.
     */
    private static void deleteTheContactOfAnAccountThatHoldsAForeignRow(LocalOrgExtension local, Path ledgers,
                                                                         boolean refused) {
        StandInOrg org = new StandInOrg(local);
        UUID x1 = org.seed("X1", "contacts", "{\"lastname\":\"X1\"}");
        org.remember();
        Map<String, String> settings = local.settings();
        settings.put("dataverse.ledger-dir", ledgers.toString());
        settings.put("dataverse.existing-rows", "contact:X1=" + x1);
        try (DataverseSession dv = Dataverse.connect(LocalOrg.target(settings)).openSession()) {
            RowRef existing = dv.provide(NewRow.of("contact", "X1"));
            RowRef contact = dv.create(NewRow.of("contact", "C")).row();
            dv.create(NewRow.of("account", "A").bind("primarycontactid", contact)
                    .bindAll("contact_customer_accounts", List.of(existing))).row();
            if (refused) {
                RefusedRequest refusal = assertThrows(RefusedRequest.class, () -> dv.send("DELETE", contact.path()).send());
                assertThat(refusal.getMessage(), containsString("would reach rows the run did not create: contact " + x1));
            } else {
                dv.send("DELETE", contact.path()).send().isNoContent();
            }
        }
        org.assertUntouched();
        org.assertNothingLeftBehind();
    }

    @Test
    void should_delete_a_row_whose_owned_child_only_loses_its_link_as_the_orgs_definitions_say() throws Exception {
        LocalOrgExtension local = new LocalOrgExtension();
        local.beforeAll(null);
        try {
            deleteTheContactOfAnAccountThatHoldsAForeignRow(local, folder.resolve("ledgers"), false);
        } finally {
            local.afterAll(null);
        }
    }

    @Test
    void should_refuse_it_on_an_org_loaded_from_a_capture_whose_definitions_say_the_delete_cascades() throws Exception {
        // GIVEN a capture of an org where account_primary_contact is parental (Delete: Cascade)
        Path capture = folder.resolve("capture");
        Files.createDirectories(folder.resolve("source"));
        try (LocalOrg source = new LocalOrg(folder.resolve("source"), 3600);
             Target target = LocalOrg.target(source.settings())) {
            MetadataCapture.pull(target, capture, List.of("contact"), Clock.systemUTC());
        }
        Path relationships = capture.resolve("RelationshipDefinitions.json");
        ObjectNode definitions = (ObjectNode) JSON.readTree(relationships.toFile());
        definitions.path("value").forEach(r -> {
            if (r.path("SchemaName").asText().equals("account_primary_contact")) {
                ((ObjectNode) r.path("CascadeConfiguration")).put("Delete", "Cascade");
            }
        });
        Files.write(relationships, JSON.writeValueAsBytes(definitions));
        // WHEN a live run deletes the contact on an org loaded from that capture THEN it is refused, and the org is as it was
        LocalOrgExtension local = new LocalOrgExtension(DataverseEmulator.builder().metadataDir(capture));
        local.beforeAll(null);
        try {
            deleteTheContactOfAnAccountThatHoldsAForeignRow(local, folder.resolve("ledgers"), true);
        } finally {
            local.afterAll(null);
        }
    }
}

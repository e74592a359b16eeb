package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.schema.NavigationProperty.Kind;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {

    private final Schema schema = Schema.standard();

    @Test
    void should_read_entity_sets_and_keys_including_inherited_activity_keys() {
        // WHEN
        EntityType email = schema.byEntitySet("emails").orElseThrow();
        // THEN
        assertThat(email.logicalName(), equalTo("email"));
        assertThat(email.primaryKey(), equalTo("activityid"));
        assertThat(schema.byEntitySet("opportunities").orElseThrow().primaryKey(), equalTo("opportunityid"));
        assertThat(schema.entitySetNames(), hasItems("accounts", "contacts", "opportunities", "competitors", "emails",
                "tasks", "activityparties", "systemusers", "roles"));
    }

    @Test
    void should_tell_one_to_many_from_many_to_one_and_many_to_many() {
        // GIVEN
        EntityType account = schema.type("account");
        EntityType opportunity = schema.type("opportunity");
        // WHEN
        NavigationProperty collection = account.navigation("opportunity_customer_accounts").orElseThrow();
        NavigationProperty single = opportunity.navigation("customerid_account").orElseThrow();
        NavigationProperty nn = opportunity.navigation("opportunitycompetitors_association").orElseThrow();
        // THEN
        assertThat(collection.kind(), equalTo(Kind.ONE_TO_MANY));
        assertThat(collection.lookupProperty(), equalTo("_customerid_value"));
        assertThat(collection.onDelete(), equalTo(NavigationProperty.DeleteAction.CASCADE));
        assertThat(single.kind(), equalTo(Kind.SINGLE));
        assertThat(single.lookupProperty(), equalTo("_customerid_value"));
        assertThat(single.targetType(), equalTo("account"));
        assertThat(nn.kind(), equalTo(Kind.MANY_TO_MANY));
        assertThat(nn.targetType(), equalTo("competitor"));
    }

    @Test
    void should_read_remove_link_as_the_default_delete_action_and_alternate_keys() {
        EntityType account = schema.type("account");
        assertThat(account.navigation("account_parent_account").orElseThrow().onDelete(),
                equalTo(NavigationProperty.DeleteAction.REMOVE_LINK));
        assertThat(account.alternateKeys(), equalTo(List.of(List.of("accountnumber"))));
        assertThat(account.isLookupProperty("_parentaccountid_value"), is(true));
        assertThat(account.isLookupProperty("name"), is(false));
    }

    @Test
    void should_serve_the_document_it_was_read_from() {
        assertThat(new String(schema.document(), StandardCharsets.UTF_8), containsString("<EntitySet Name=\"accounts\""));
    }

    @Test
    void should_refuse_a_document_that_is_not_xml_with_a_message(@TempDir Path dir) throws Exception {
        // GIVEN
        Path file = dir.resolve("metadata.xml");
        Files.writeString(file, "{\"not\": \"xml\"}");
        // WHEN / THEN
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schema.fromFile(file));
        assertThat(e.getMessage(), containsString("not well-formed XML"));
    }

    @Test
    void should_refuse_xml_without_entity_types(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metadata.xml");
        Files.writeString(file, "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"/>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schema.fromFile(file));
        assertThat(e.getMessage(), containsString("declares no EntityType"));
    }

    @Test
    void should_load_a_generated_org_sized_document_with_every_table(@TempDir Path dir) throws Exception {
        // GIVEN a document with 800 tables and 8 relationships each, the size class of a real org's
        Path file = dir.resolve("large.xml");
        Files.writeString(file, LargeMetadata.generate(800));
        // WHEN
        Schema large = Schema.fromFile(file);
        // THEN
        assertThat(large.entitySetNames(), hasSize(800));
        assertThat(large.type("new_table7").navigation("new_table7_parent").orElseThrow().kind(), equalTo(Kind.SINGLE));
        assertThat(large.type("new_table8").navigation("new_table8_children").orElseThrow().lookupProperty(),
                equalTo("_new_table9_parent_value"));
    }
}

package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table and relationship definitions the emulator serves from its schema, in the shapes of "Query table
 * definitions using the Web API" and "Retrieve table definitions by name or MetadataId" (D23): property names,
 * {@code @odata.context}, the {@code @odata.type} of the base set and the casts, {@code $select}/{@code $expand}/
 * {@code $filter}.
 */
class DefinitionsEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final ServiceDriver driver = new ServiceDriver();

    private JsonNode get(String path, int status) throws Exception {
        EmulatorResponse response = driver.send("GET", path, null);
        assertThat(response.bodyText(), response.status(), equalTo(status));
        return JSON.readTree(response.bodyText());
    }

    @Test
    void should_answer_a_table_by_logical_name_with_the_selected_properties_only() throws Exception {
        JsonNode account = get("EntityDefinitions(LogicalName='account')?$select=LogicalName,PrimaryIdAttribute,"
                + "PrimaryNameAttribute,EntitySetName,OwnershipType,ObjectTypeCode", 200);
        assertThat(account.path("@odata.context").asText(), endsWith("/api/data/v9.2/$metadata#EntityDefinitions("
                + "LogicalName,PrimaryIdAttribute,PrimaryNameAttribute,EntitySetName,OwnershipType,ObjectTypeCode)/$entity"));
        assertThat(account.path("MetadataId").asText(), matchesPattern(GUID));
        assertThat(account.path("PrimaryIdAttribute").asText(), equalTo("accountid"));
        assertThat(account.path("PrimaryNameAttribute").asText(), equalTo("name"));
        assertThat(account.path("EntitySetName").asText(), equalTo("accounts"));
        assertThat(account.path("OwnershipType").asText(), equalTo("UserOwned"));
        assertThat(account.path("ObjectTypeCode").asInt(), equalTo(1));
        assertThat(account.has("SchemaName"), equalTo(false));
        // the same table by its MetadataId
        JsonNode byId = get("EntityDefinitions(" + account.path("MetadataId").asText() + ")?$select=LogicalName", 200);
        assertThat(byId.path("LogicalName").asText(), equalTo("account"));
    }

    @Test
    void should_expand_attributes_with_their_derived_types_and_lookup_targets() throws Exception {
        JsonNode contact = get("EntityDefinitions(LogicalName='contact')?$select=LogicalName"
                + "&$expand=Attributes($select=LogicalName,AttributeType,MaxLength,Targets)", 200);
        JsonNode fullname = find(contact.path("Attributes"), "LogicalName", "fullname");
        assertThat(fullname.path("@odata.type").asText(), equalTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata"));
        assertThat(fullname.path("MaxLength").asInt(), equalTo(160));
        JsonNode parent = find(contact.path("Attributes"), "LogicalName", "parentcustomerid");
        assertThat(parent.path("AttributeType").asText(), equalTo("Customer"));
        assertThat(texts(parent.path("Targets")), equalTo(List.of("account", "contact")));
        assertThat(find(contact.path("Attributes"), "LogicalName", "contactid").path("AttributeType").asText(),
                equalTo("Uniqueidentifier"));
    }

    @Test
    void should_expand_the_relationships_of_a_table_with_their_cascade_configuration() throws Exception {
        JsonNode email = get("EntityDefinitions(LogicalName='email')?$select=LogicalName&$expand=OneToManyRelationships("
                + "$select=SchemaName,ReferencingEntity,ReferencingAttribute,CascadeConfiguration)", 200);
        JsonNode parties = find(email.path("OneToManyRelationships"), "SchemaName", "email_activity_parties");
        assertThat(parties.path("ReferencingEntity").asText(), equalTo("activityparty"));
        assertThat(parties.path("ReferencingAttribute").asText(), equalTo("activityid"));
        assertThat(parties.path("CascadeConfiguration").path("Delete").asText(), equalTo("Cascade"));
        JsonNode contact = get("EntityDefinitions(LogicalName='contact')/ManyToOneRelationships?$select=SchemaName,"
                + "ReferencedEntity,ReferencingEntityNavigationPropertyName,CascadeConfiguration", 200);
        JsonNode customer = find(contact.path("value"), "SchemaName", "contact_customer_accounts");
        assertThat(customer.path("ReferencedEntity").asText(), equalTo("account"));
        assertThat(customer.path("ReferencingEntityNavigationPropertyName").asText(), equalTo("parentcustomerid_account"));
        assertThat(customer.path("CascadeConfiguration").path("Delete").asText(), equalTo("Cascade"));
        JsonNode primary = find(get("EntityDefinitions(LogicalName='contact')/OneToManyRelationships", 200).path("value"),
                "SchemaName", "account_primary_contact");
        assertThat(primary.path("CascadeConfiguration").path("Delete").asText(), equalTo("RemoveLink"));
        JsonNode manyToMany = get("EntityDefinitions(LogicalName='opportunity')/ManyToManyRelationships", 200);
        JsonNode competitors = find(manyToMany.path("value"), "SchemaName", "opportunitycompetitors_association");
        assertThat(competitors.path("IntersectEntityName").asText(), equalTo("opportunitycompetitors"));
        assertThat(competitors.path("Entity1LogicalName").asText(), equalTo("opportunity"));
        assertThat(competitors.path("Entity2IntersectAttribute").asText(), equalTo("competitorid"));
    }

    @Test
    void should_list_relationship_definitions_typed_and_through_the_documented_casts() throws Exception {
        JsonNode all = get("RelationshipDefinitions?$select=SchemaName", 200);
        assertThat(find(all.path("value"), "SchemaName", "Account_Tasks").path("@odata.type").asText(),
                equalTo("#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"));
        assertThat(find(all.path("value"), "SchemaName", "teamroles_association").path("@odata.type").asText(),
                equalTo("#Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata"));
        JsonNode oneToMany = get("RelationshipDefinitions/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"
                + "?$select=SchemaName,ReferencedEntity&$filter=ReferencedEntity eq 'account'", 200);
        assertThat(oneToMany.path("@odata.context").asText(), containsString(
                "$metadata#RelationshipDefinitions/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata(SchemaName,ReferencedEntity)"));
        List<String> names = new ArrayList<>();
        oneToMany.path("value").forEach(r -> {
            names.add(r.path("SchemaName").asText());
            assertThat(r.path("ReferencedEntity").asText(), equalTo("account"));
        });
        assertThat(names, hasItem("Account_Tasks"));
        assertThat(names, not(hasItem("opportunitycompetitors_association")));
        JsonNode manyToMany = get("RelationshipDefinitions/Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata"
                + "?$select=SchemaName,IntersectEntityName", 200);
        assertThat(find(manyToMany.path("value"), "SchemaName", "systemuserroles_association").path("IntersectEntityName")
                .asText(), equalTo("systemuserroles"));
        JsonNode one = get("RelationshipDefinitions(SchemaName='Account_Tasks')", 200);
        assertThat(one.path("@odata.type").asText(), equalTo("#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"));
        assertThat(one.path("ReferencingEntity").asText(), equalTo("task"));
        assertThat(one.path("CascadeConfiguration").path("Delete").asText(), equalTo("Cascade"));
    }

    @Test
    void should_read_a_choice_columns_options_through_the_picklist_cast() throws Exception {
        JsonNode mask = get("EntityDefinitions(LogicalName='activityparty')/Attributes(LogicalName='participationtypemask')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)", 200);
        assertThat(mask.path("@odata.type").asText(), equalTo("#Microsoft.Dynamics.CRM.PicklistAttributeMetadata"));
        JsonNode to = find(mask.path("OptionSet").path("Options"), "Value", "2");
        assertThat(to.path("Label").path("UserLocalizedLabel").path("Label").asText(), equalTo("To Recipient"));
        JsonNode picklists = get("EntityDefinitions(LogicalName='team')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"
                + "?$select=LogicalName", 200);
        assertThat(picklists.path("value").size(), equalTo(1));
        assertThat(picklists.path("value").get(0).path("LogicalName").asText(), equalTo("teamtype"));
    }

    @Test
    void should_list_alternate_keys_and_filter_tables() throws Exception {
        JsonNode keys = get("EntityDefinitions(LogicalName='account')/Keys", 200);
        assertThat(texts(keys.path("value").get(0).path("KeyAttributes")), equalTo(List.of("accountnumber")));
        JsonNode activities = get("EntityDefinitions?$select=LogicalName&$filter=IsActivity eq true", 200);
        List<String> names = new ArrayList<>();
        activities.path("value").forEach(e -> names.add(e.path("LogicalName").asText()));
        assertThat(names, equalTo(List.of("activitypointer", "email", "task")));
    }

    @Test
    void should_refuse_writes_and_unknown_names_with_dataverse_errors() throws Exception {
        EmulatorResponse post = driver.send("POST", "EntityDefinitions", "{\"LogicalName\":\"new_thing\"}");
        assertThat(post.status(), equalTo(501));
        assertThat(JSON.readTree(post.bodyText()).path("error").path("code").asText(), equalTo("EMULATOR_GAP"));
        JsonNode missing = get("EntityDefinitions(LogicalName='nope')", 404);
        assertThat(missing.path("error").path("message").asText(), containsString("nope"));
        assertThat(get("RelationshipDefinitions(SchemaName='nope')", 404).path("error").path("code").asText(),
                equalTo("0x80040217"));
        assertThat(get("EntityDefinitions(LogicalName='account')/Columns", 400).path("error").path("message").asText(),
                containsString("Columns"));
    }

    @Test
    void should_give_a_choice_columns_label_as_its_formatted_value() throws Exception {
        java.util.UUID contact = driver.create("contacts", "{\"lastname\":\"To\"}");
        driver.create("emails", "{\"subject\":\"Hi\",\"email_activity_parties\":[{\"participationtypemask\":2,"
                + "\"partyid_contact@odata.bind\":\"/contacts(" + contact + ")\"}]}");
        EmulatorResponse response = driver.send("GET", "activityparties?$select=participationtypemask", null,
                "Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        JsonNode party = JSON.readTree(response.bodyText()).path("value").get(0);
        assertThat(party.path("participationtypemask@OData.Community.Display.V1.FormattedValue").asText(),
                equalTo("To Recipient"));
    }

    private static JsonNode find(JsonNode array, String property, String value) {
        for (JsonNode item : array) {
            if (item.path(property).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + property + " = " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}

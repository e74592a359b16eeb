package dev.dataversebdd.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata calls of DynamicsWebApi (v2), as it sends them over HTTP and reads their answers: {@code retrieveEntity}
 * ({@code EntityDefinitions(LogicalName='…')} with {@code $select} and {@code $expand=Attributes}),
 * {@code retrieveAttributes} with a cast, keyed by the table's MetadataId as a metadata cache keys it, and
 * {@code retrieveRelationships} with {@code castType} and a {@code $filter}; it reads {@code value} of a
 * collection and the object itself of a single answer.
 */
class DynamicsWebApiMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DataverseEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = DataverseEmulator.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode send(String path) throws Exception {
        String dataApi = emulator.serviceRoot().replaceAll("/?$", "/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dataApi + path))
                .header("OData-MaxVersion", "4.0").header("OData-Version", "4.0").header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Prefer", "odata.include-annotations=\"*\"").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), equalTo(200));
        return JSON.readTree(response.body());
    }

    @Test
    void should_answer_retrieve_entity_and_then_retrieve_attributes_by_the_tables_metadata_id() throws Exception {
        // retrieveEntity({ key: "LogicalName='contact'", select: [...], expand: [{ property: "Attributes", select: [...] }] })
        JsonNode contact = send("EntityDefinitions(LogicalName='contact')?$select=LogicalName,EntitySetName,"
                + "PrimaryIdAttribute,PrimaryNameAttribute&$expand=Attributes($select=LogicalName,AttributeType)");
        assertThat(contact.path("EntitySetName").asText(), equalTo("contacts"));
        assertThat(contact.path("PrimaryNameAttribute").asText(), equalTo("fullname"));
        List<String> columns = new ArrayList<>();
        contact.path("Attributes").forEach(a -> columns.add(a.path("LogicalName").asText()));
        assertThat(columns, hasItem("parentcustomerid"));
        // retrieveAttributes({ entityKey: <MetadataId>, castType: "Microsoft.Dynamics.CRM.StringAttributeMetadata" })
        JsonNode strings = send("EntityDefinitions(" + contact.path("MetadataId").asText()
                + ")/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength");
        List<String> texts = new ArrayList<>();
        strings.path("value").forEach(a -> texts.add(a.path("LogicalName").asText() + ":" + a.path("MaxLength").asInt()));
        assertThat(texts, hasItem("lastname:50"));
        assertThat(texts.contains("contactid:0"), equalTo(false));
    }

    @Test
    void should_answer_retrieve_relationships_with_a_cast_type_and_a_filter() throws Exception {
        // retrieveRelationships({ castType: "Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
        //     select: ["SchemaName","ReferencingEntity","CascadeConfiguration"], filter: "ReferencedEntity eq 'email'" })
        JsonNode relationships = send("RelationshipDefinitions/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"
                + "?$select=SchemaName,ReferencingEntity,CascadeConfiguration&$filter=ReferencedEntity%20eq%20'email'");
        assertThat(relationships.path("value").size(), equalTo(1));
        JsonNode parties = relationships.path("value").get(0);
        assertThat(parties.path("SchemaName").asText(), equalTo("email_activity_parties"));
        assertThat(parties.path("CascadeConfiguration").path("Delete").asText(), equalTo("Cascade"));
        // retrieveRelationship({ key: "SchemaName='opportunitycompetitors_association'", castType: ...ManyToMany... })
        JsonNode nn = send("RelationshipDefinitions(SchemaName='opportunitycompetitors_association')"
                + "/Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata?$select=IntersectEntityName,Entity1LogicalName");
        assertThat(nn.path("IntersectEntityName").asText(), equalTo("opportunitycompetitors"));
    }
}

package dev.dataversebdd.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Olingo's OData v4 client reads the emulator's table and relationship definitions through its own retrieve
 * requests and JSON deserializer, as a Java metadata cache would: a table by its alternate key with its expanded
 * columns, and the one-to-many relationships through the documented cast; the base set's items typed by
 * {@code @odata.type}.
 */
class OlingoDefinitionsTest {

    private static DataverseEmulator emulator;
    private static ODataClient client;

    @BeforeAll
    static void start() {
        emulator = DataverseEmulator.builder().port(0).start();
        client = ODataClientFactory.getClient();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static URI uri(String path) {
        return URI.create(emulator.serviceRoot().replaceAll("/$", "") + "/" + path.replace(" ", "%20").replace("'", "%27"));
    }

    @Test
    void should_read_a_table_definition_with_its_columns() {
        ClientEntity account = client.getRetrieveRequestFactory().getEntityRequest(uri(
                "EntityDefinitions(LogicalName='account')?$select=LogicalName,PrimaryIdAttribute,PrimaryNameAttribute"
                        + "&$expand=Attributes($select=LogicalName,AttributeType)")).execute().getBody();
        assertThat(account.getProperty("PrimaryIdAttribute").getPrimitiveValue().toString(), equalTo("accountid"));
        assertThat(account.getProperty("PrimaryNameAttribute").getPrimitiveValue().toString(), equalTo("name"));
        // without the definitions' own CSDL, the client reads an expanded collection as a collection of complex values
        List<String> columns = new ArrayList<>();
        account.getProperty("Attributes").getCollectionValue().forEach(attribute -> columns.add(
                attribute.asComplex().get("LogicalName").getPrimitiveValue().toString() + ":"
                        + attribute.asComplex().get("AttributeType").getPrimitiveValue().toString()));
        assertThat(columns, hasItem("accountnumber:String"));
        assertThat(columns, hasItem("primarycontactid:Lookup"));
    }

    @Test
    void should_read_relationship_definitions_through_the_cast_with_their_cascade_configuration() {
        ClientEntitySet relationships = client.getRetrieveRequestFactory().getEntitySetRequest(uri(
                "RelationshipDefinitions/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata"
                        + "?$select=SchemaName,CascadeConfiguration&$filter=ReferencedEntity eq 'email'")).execute().getBody();
        assertThat(relationships.getEntities().size(), equalTo(1));
        ClientEntity parties = relationships.getEntities().get(0);
        assertThat(parties.getProperty("SchemaName").getPrimitiveValue().toString(), equalTo("email_activity_parties"));
        assertThat(parties.getProperty("CascadeConfiguration").getComplexValue().get("Delete").getPrimitiveValue()
                .toString(), equalTo("Cascade"));
        ClientEntitySet all = client.getRetrieveRequestFactory().getEntitySetRequest(uri(
                "RelationshipDefinitions?$select=SchemaName")).execute().getBody();
        List<String> types = new ArrayList<>();
        all.getEntities().forEach(r -> types.add(r.getTypeName().getName()));
        assertThat(types, hasItem("ManyToManyRelationshipMetadata"));
        assertThat(types, hasItem("OneToManyRelationshipMetadata"));
    }
}

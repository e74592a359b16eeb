package dev.dataversebdd.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.olingo.client.api.EdmEnabledODataClient;
import org.apache.olingo.client.api.communication.request.batch.BatchManager;
import org.apache.olingo.client.api.communication.request.batch.ODataBatchResponseItem;
import org.apache.olingo.client.api.communication.request.batch.ODataChangeset;
import org.apache.olingo.client.api.communication.response.ODataBatchResponse;
import org.apache.olingo.client.api.communication.response.ODataResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Olingo's batch API ({@code BatchManager}, change sets with Content-IDs) against the emulator on loopback:
 * create two rows and link them in one change set, through the client's own request objects.
 */
class OlingoBatchTest {

    private static DataverseEmulator emulator;
    private static EdmEnabledODataClient client;

    @BeforeAll
    static void start() {
        emulator = DataverseEmulator.builder().port(0).start();
        client = ODataClientFactory.getEdmEnabledClient(emulator.serviceRoot());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void should_create_and_link_rows_in_one_change_set_through_olingos_batch_manager() {
        String root = emulator.serviceRoot().replaceAll("/$", "");
        // GIVEN a change set: an account (Content-ID 1), then a contact whose parent account binds to $1
        BatchManager batch = client.getBatchRequestFactory().getBatchRequest(root).payloadManager();
        ODataChangeset changeSet = batch.addChangeset();
        ClientEntity account = entity("account", "name", "Olingo Ltd");
        changeSet.addRequest(client.getCUDRequestFactory().getEntityCreateRequest(set(root, "accounts"), account));
        ClientEntity contact = entity("contact", "lastname", "Batchley");
        contact.getNavigationLinks().add(client.getObjectFactory().newEntityNavigationLink("parentcustomerid_account",
                URI.create("$1")));
        changeSet.addRequest(client.getCUDRequestFactory().getEntityCreateRequest(set(root, "contacts"), contact));
        // WHEN the batch is sent
        ODataBatchResponse response = batch.getResponse();
        // THEN the batch is 200, the change set answered one 204 per request
        assertThat(response.getStatusCode(), equalTo(200));
        List<Integer> statuses = new ArrayList<>();
        for (Iterator<ODataBatchResponseItem> items = response.getBody(); items.hasNext(); ) {
            ODataBatchResponseItem item = items.next();
            while (item.hasNext()) {
                ODataResponse part = item.next();
                statuses.add(part.getStatusCode());
            }
            item.close();
        }
        assertThat(statuses, contains(204, 204));
        String sent = emulator.service().journal().stream().filter(e -> e.target().endsWith("$batch")).findFirst()
                .orElseThrow().body();
        assertThat("Olingo bound the contact by Content-ID", sent.contains("\"parentcustomerid_account@odata.bind\":\"$1\""),
                equalTo(true));
        // AND reading back through the client shows the contact under the new account
        var contacts = client.getRetrieveRequestFactory().getEntitySetRequest(client.newURIBuilder(root)
                .appendEntitySetSegment("contacts").filter("lastname eq 'Batchley'")
                .expand("parentcustomerid_account($select=name)").build()).execute().getBody();
        assertThat(contacts.getEntities().size(), equalTo(1));
        ClientEntity parent = contacts.getEntities().get(0).getNavigationLink("parentcustomerid_account")
                .asInlineEntity().getEntity();
        assertThat(parent.getProperty("name").getPrimitiveValue().toString(), equalTo("Olingo Ltd"));
    }

    private static URI set(String root, String entitySet) {
        return client.newURIBuilder(root).appendEntitySetSegment(entitySet).build();
    }

    private static ClientEntity entity(String type, String column, String value) {
        ClientEntity entity = client.getObjectFactory().newEntity(new FullQualifiedName("Microsoft.Dynamics.CRM", type));
        entity.getProperties().add(client.getObjectFactory().newPrimitiveProperty(column,
                client.getObjectFactory().newPrimitiveValueBuilder().buildString(value)));
        return entity;
    }
}

package dev.dataversebdd.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import org.apache.olingo.client.api.communication.response.ODataRetrieveResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Olingo's OData v4 client, with its default settings, against the emulator on loopback: what a Java team's
 * integration code does, through the client's own API rather than hand-written requests, its batch API included.
 */
class OlingoClientTest {

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
    void should_read_the_metadata_into_olingos_model() {
        Edm edm = client.getCachedEdm();
        assertThat(edm.getEntityContainer().getEntitySet("accounts"), notNullValue());
    }

    private static URI root() {
        return URI.create(emulator.serviceRoot().replaceAll("/$", ""));
    }

    /** Creates a row through Olingo's create request; Dataverse answers 204 with the new row's URL in OData-EntityId. */
    private static URI create(String set, ClientEntity entity) {
        URI setUri = client.newURIBuilder(root().toString()).appendEntitySetSegment(set).build();
        var response = client.getCUDRequestFactory().getEntityCreateRequest(setUri, entity).execute();
        assertThat(response.getStatusCode(), equalTo(204));
        String location = response.getHeader("OData-EntityId").iterator().next();
        response.close();
        return URI.create(location);
    }

    private static ClientEntity row(String type, String column, String value) {
        ClientEntity entity = client.getObjectFactory().newEntity(
                new org.apache.olingo.commons.api.edm.FullQualifiedName("Microsoft.Dynamics.CRM", type));
        entity.getProperties().add(client.getObjectFactory().newPrimitiveProperty(column,
                client.getObjectFactory().newPrimitiveValueBuilder().buildString(value)));
        return entity;
    }

    private static List<String> names(ClientEntitySet set, String column) {
        List<String> names = new ArrayList<>();
        for (ClientEntity entity : set.getEntities()) {
            names.add(entity.getProperty(column).getPrimitiveValue().toString());
        }
        return names;
    }

    @Test
    void should_add_and_remove_references_bind_filter_order_page_and_read_back_through_the_client() throws Exception {
        // GIVEN an account and three opportunities, created through the client
        URI contoso = create("accounts", row("account", "name", "Contoso"));
        List<URI> deals = new ArrayList<>();
        for (String name : List.of("Deal C", "Deal A", "Deal B")) {
            deals.add(create("opportunities", row("opportunity", "name", name)));
        }
        // WHEN two are associated with the client's reference request (POST .../$ref)
        URI related = client.newURIBuilder(contoso.toString()).appendNavigationSegment("opportunity_customer_accounts")
                .build();
        URI references = client.newURIBuilder(related.toString()).appendRefSegment().build();
        for (URI deal : deals.subList(0, 2)) {
            var added = client.getCUDRequestFactory().getReferenceAddingRequest(root(), references, deal).execute();
            assertThat(added.getStatusCode(), equalTo(204));
            added.close();
        }
        // AND a fourth is created bound to the account (customerid_account@odata.bind)
        ClientEntity bound = row("opportunity", "name", "Deal D");
        bound.getNavigationLinks().add(client.getObjectFactory().newEntityNavigationLink("customerid_account", contoso));
        create("opportunities", bound);
        // THEN the related rows, filtered, ordered and paged through the client, are the three associated
        URI query = client.newURIBuilder(related.toString()).select("name").filter("startswith(name,'Deal')")
                .orderBy("name desc").build();
        var request = client.getRetrieveRequestFactory().getEntitySetRequest(query);
        request.setPrefer("odata.maxpagesize=2");
        ODataRetrieveResponse<ClientEntitySet> first = request.execute();
        List<String> seen = new ArrayList<>(names(first.getBody(), "name"));
        URI next = first.getBody().getNext();
        assertThat(next, notNullValue());
        seen.addAll(names(client.getRetrieveRequestFactory().getEntitySetRequest(next).execute().getBody(), "name"));
        assertThat(seen, contains("Deal D", "Deal C", "Deal A"));
        // WHEN one reference is removed with the client's delete request on .../$ref?$id=
        URI reference = client.newURIBuilder(related.toString()).appendRefSegment().id(deals.get(0).toString()).build();
        var removed = client.getCUDRequestFactory().getDeleteRequest(reference).execute();
        assertThat(removed.getStatusCode(), equalTo(204));
        removed.close();
        // THEN the client reads two related rows, and the removed opportunity's lookup is empty
        ClientEntitySet left = client.getRetrieveRequestFactory().getEntitySetRequest(
                client.newURIBuilder(related.toString()).select("name").orderBy("name").build()).execute().getBody();
        assertThat(names(left, "name"), contains("Deal A", "Deal D"));
        ClientEntity deal = client.getRetrieveRequestFactory().getEntityRequest(client.newURIBuilder(deals.get(0).toString())
                .select("_customerid_value").build()).execute().getBody();
        assertThat(deal.getProperty("_customerid_value").hasNullValue(), equalTo(true));
    }

    @Test
    void should_deep_insert_a_row_with_a_related_row_and_a_related_collection_through_the_client() {
        // GIVEN an account with a primary contact inline (single-valued) and two tasks inline (collection-valued)
        ClientEntity account = row("account", "name", "Deep Olingo Ltd");
        account.getNavigationLinks().add(client.getObjectFactory().newDeepInsertEntity("primarycontactid",
                row("contact", "lastname", "Inline")));
        ClientEntitySet tasks = client.getObjectFactory().newEntitySet();
        tasks.getEntities().add(row("task", "subject", "Deep task 1"));
        tasks.getEntities().add(row("task", "subject", "Deep task 2"));
        account.getNavigationLinks().add(client.getObjectFactory().newDeepInsertEntitySet("Account_Tasks", tasks));
        // WHEN the client creates it in one request
        URI created = create("accounts", account);
        // THEN reading back through the client shows the three related rows
        ClientEntity read = client.getRetrieveRequestFactory().getEntityRequest(client.newURIBuilder(created.toString())
                .expand("primarycontactid($select=lastname)", "Account_Tasks($select=subject;$orderby=subject)").build())
                .execute().getBody();
        assertThat(read.getNavigationLink("primarycontactid").asInlineEntity().getEntity().getProperty("lastname")
                .getPrimitiveValue().toString(), equalTo("Inline"));
        assertThat(names(read.getNavigationLink("Account_Tasks").asInlineEntitySet().getEntitySet(), "subject"),
                contains("Deep task 1", "Deep task 2"));
    }

    @Test
    void should_create_and_link_rows_in_one_change_set_through_olingos_batch_manager() {
        String root = emulator.serviceRoot().replaceAll("/$", "");
        // GIVEN a change set: an account (Content-ID 1), then a contact whose parent account binds to $1
        BatchManager batch = client.getBatchRequestFactory().getBatchRequest(root).payloadManager();
        ODataChangeset changeSet = batch.addChangeset();
        ClientEntity account = row("account", "name", "Olingo Ltd");
        changeSet.addRequest(client.getCUDRequestFactory().getEntityCreateRequest(client.newURIBuilder(root).appendEntitySetSegment("accounts").build(), account));
        ClientEntity contact = row("contact", "lastname", "Batchley");
        contact.getNavigationLinks().add(client.getObjectFactory().newEntityNavigationLink("parentcustomerid_account",
                URI.create("$1")));
        changeSet.addRequest(client.getCUDRequestFactory().getEntityCreateRequest(client.newURIBuilder(root).appendEntitySetSegment("contacts").build(), contact));
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
}

package dev.dataversebdd.bench;

import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code --only=fetchxml}: FetchXML over a large table (core, no socket; one thread): contacts joined to their
 * account and filtered on the account's name, and a count of contacts per account, each over every contact.
 */
final class FetchXmlBench {

    private static final String ROOT = "/api/data/v9.2/";

    private FetchXmlBench() {
    }

    static void run(boolean quick, Consumer<String> print) {
        int contacts = quick ? 2_000 : 100_000;
        int accounts = quick ? 20 : 1_000;
        int rounds = quick ? 3 : 10;
        DataverseService service = new DataverseService(Schema.standard(), BehaviourProfile.defaults());
        service.journalCapacity(0);
        List<UUID> parents = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            parents.add(create(service, "accounts", "{\"name\":\"a" + i + "\"}"));
        }
        for (int i = 0; i < contacts; i++) {
            create(service, "contacts", "{\"lastname\":\"c" + i + "\",\"parentcustomerid_account@odata.bind\":\"/accounts("
                    + parents.get(i % accounts) + ")\"}");
        }
        String join = "<fetch><entity name='contact'><attribute name='lastname'/><link-entity name='account' "
                + "from='accountid' to='parentcustomerid' alias='a'><attribute name='name'/><filter><condition "
                + "attribute='name' operator='eq' value='a7'/></filter></link-entity></entity></fetch>";
        // under the 50,000-row aggregate limit: the contacts c1, c10-c19, c100-c199, … (11,111 of 100,000)
        String count = "<fetch aggregate='true'><entity name='contact'><attribute name='contactid' alias='n' "
                + "aggregate='count'/><attribute name='parentcustomerid' alias='account' groupby='true'/><filter>"
                + "<condition attribute='lastname' operator='begins-with' value='c1'/></filter></entity></fetch>";
        print.accept("");
        print.accept("## FetchXML over " + contacts + " contacts of " + accounts + " accounts (core, no socket; one thread)");
        print.accept("");
        print.accept("| query | rows returned | median ms | max ms |");
        print.accept("|---|---|---|---|");
        print.accept(measure(service, "inner join to account, filtered on its name", join, contacts / accounts, rounds));
        print.accept(measure(service, "count per account of the contacts named c1… (aggregate, groupby)", count,
                accounts, rounds));
        print.accept(measure(service, "baseline: the same join as $filter on parentcustomerid_account/name",
                ROOT + "contacts?$select=lastname&$filter=parentcustomerid_account/name%20eq%20'a7'", contacts / accounts,
                rounds));
    }

    private static String measure(DataverseService service, String label, String xml, int expected, int rounds) {
        String path = xml.startsWith(ROOT) ? xml
                : ROOT + "contacts?fetchXml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8).replace("+", "%20");
        for (int i = 0; i < 2; i++) {
            require(service.handle(EmulatorRequest.of("GET", path, null, Map.of("Host", "h"))), expected);
        }
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            require(service.handle(EmulatorRequest.of("GET", path, null, Map.of("Host", "h"))), expected);
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        return "| " + label + " | " + expected + " | " + times[rounds / 2] / 1_000_000 + " | " + times[rounds - 1] / 1_000_000
                + " |";
    }

    private static void require(EmulatorResponse response, int rows) {
        String body = response.bodyText();
        int found = body.split("\"@odata.etag\"|\"n\":", -1).length - 1;
        if (response.status() != 200 || found != rows) {
            throw new IllegalStateException("expected 200 with " + rows + " rows, got " + response.status() + " with "
                    + found + ": " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static UUID create(DataverseService service, String set, String body) {
        EmulatorResponse response = service.handle(EmulatorRequest.of("POST", ROOT + set, body, Map.of("Host", "h")));
        if (response.status() != 204) {
            throw new IllegalStateException("create failed: " + response.status() + " " + response.bodyText());
        }
        String id = response.header("OData-EntityId");
        return UUID.fromString(id.substring(id.lastIndexOf('(') + 1, id.length() - 1));
    }
}

package dev.dataversebdd.emulator.core;

import static dev.dataversebdd.emulator.core.ServiceDriver.ref;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parallel scenarios share one emulator: no lost update, no half-applied request; bad input never answers 500. */
class ConcurrencyAndRobustnessTest {

    private final ServiceDriver dv = new ServiceDriver();

    @Test
    void should_keep_every_association_when_threads_associate_and_disassociate_at_once() throws Exception {
        // GIVEN one account and 8 threads with 50 opportunities each
        UUID account = dv.create("accounts", "{\"name\":\"Shared\"}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<UUID>>> kept = new ArrayList<>();
        // WHEN each thread associates all of its opportunities and disassociates every other one
        for (int t = 0; t < 8; t++) {
            kept.add(pool.submit(() -> {
                List<UUID> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    UUID opportunity = dv.create("opportunities", "{\"name\":\"o\"}");
                    String path = "accounts(" + account + ")/opportunity_customer_accounts";
                    assertThat(dv.send("POST", path + "/$ref", ref("opportunities", opportunity)).status(), equalTo(204));
                    if (i % 2 == 0) {
                        assertThat(dv.send("DELETE", path + "(" + opportunity + ")/$ref", null).status(), equalTo(204));
                    } else {
                        mine.add(opportunity);
                    }
                }
                return mine;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS), equalTo(true));
        // THEN exactly the kept ones are related
        int expected = 0;
        for (Future<List<UUID>> future : kept) {
            expected += future.get().size();
        }
        String count = dv.send("GET", "accounts(" + account + ")/opportunity_customer_accounts/$count", null).bodyText();
        assertThat(count, equalTo("\uFEFF" + expected));
    }

    @Test
    void should_never_answer_500_to_random_paths_bodies_and_methods() {
        Random random = new Random(42);
        UUID account = dv.create("accounts", "{\"name\":\"Target\"}");
        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE", "MERGE", "OPTIONS"};
        String[] pieces = {"accounts", "(" + account + ")", "/", "$ref", "$count", "opportunity_customer_accounts",
            "(", ")", "'", "%", "%2", "%E2%82", "{", "}", "?$select=", "?$expand=", "&", ";", "=", "..", "\u00e9", "$id="};
        String[] bodies = {null, "", "{", "[]", "null", "1", "{\"@odata.id\":null}", "{\"@odata.id\":1}",
            "{\"@odata.id\":\"\"}", "{\"name\":{\"a\":[]}}", "{\"value\":{}}", "\"s\"", "{\"a@odata.bind\":[1]}",
            new String(new byte[] {(byte) 0xC3, (byte) 0x28}, StandardCharsets.ISO_8859_1)};
        for (int i = 0; i < 3_000; i++) {
            StringBuilder path = new StringBuilder("/api/data/v9.2/");
            for (int p = random.nextInt(6); p >= 0; p--) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            String target = path.toString();
            int q = target.indexOf('?');
            String body = bodies[random.nextInt(bodies.length)];
            EmulatorRequest request = new EmulatorRequest(methods[random.nextInt(methods.length)],
                    q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1), Map.of("Host", "h"),
                    body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1));
            EmulatorResponse response = dv.service.handle(request);
            boolean clientErrorOrGap = response.status() < 500 || response.status() == 501;
            assertThat(request.method() + " " + request.target() + " -> " + response.bodyText(), clientErrorOrGap,
                    equalTo(true));
        }
        assertThat(dv.send("GET", "accounts(" + account + ")?$select=name", null).status(), equalTo(200));
    }

    @Test
    void should_refuse_deeply_nested_json_with_400() {
        String deep = "{\"name\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThat(dv.send("POST", "accounts", deep).status(), equalTo(400));
    }
}

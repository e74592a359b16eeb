package dev.dataversebdd.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.LargeMetadata;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The performance benchmark of src/site/markdown/performance.md: one run that measures, side by side, the loopback limit, WireMock
 * and the emulator on the same mix with the same client, then scale, suite, start-up and DSL overhead. Prints
 * Markdown tables (and writes them to target/benchmark.md). Run it with:
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dataversebdd.bench.Benchmark}
 * ({@code -Dexec.args=--quick} for a smoke run with tiny numbers).
 */
public final class Benchmark {

    private final boolean quick;
    private final StringBuilder out = new StringBuilder();

    Benchmark(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> options = Arrays.asList(args);
        Benchmark benchmark = new Benchmark(options.contains("--quick"));
        String report = benchmark.run(options);
        Path file = Path.of("target", "benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("(written to " + file + ")");
    }

    String run(List<String> options) throws Exception {
        boolean all = options.stream().noneMatch(o -> o.startsWith("--only="));
        String only = options.stream().filter(o -> o.startsWith("--only=")).map(o -> o.substring(7)).findFirst().orElse("");
        print("# dataverse-bdd benchmark" + (quick ? " (quick smoke run: numbers are not meaningful)" : ""));
        print("");
        print("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        if (all || only.contains("throughput")) {
            throughput();
        }
        if (all || only.contains("security")) {
            security();
        }
        if (all || only.contains("scale")) {
            scale();
        }
        if (all || only.contains("startup")) {
            startup();
        }
        if (all || only.contains("dsl")) {
            dslOverhead();
        }
        if (all || only.contains("batch")) {
            batch();
        }
        if (all || only.contains("fetchxml")) {
            FetchXmlBench.run(quick, this::print);
        }
        if (all || only.contains("suite")) {
            suite();
        }
        if (all || only.contains("limits")) {
            limits();
        }
        return out.toString();
    }

    private void throughput() throws Exception {
        double warmup = quick ? 0.2 : 3;
        double measure = quick ? 0.3 : 6;
        int[] threads = {1, 2, 8};
        print("");
        print("## Throughput on the mix (8 requests: 2 creates, POST $ref, GET $ref, PUT $ref, DELETE $ref, 2 PATCH)");
        print("");
        print("| threads | server | requests/s | p50 µs | p99 µs | errors | server CPU µs/request |");
        print("|---|---|---|---|---|---|---|");
        for (int t : threads) {
            Stats raw;
            Stats wireMock;
            Stats emulator;
            try (Servers.Running server = Servers.raw()) {
                raw = LoadRunner.run(server.root(), t, warmup, measure);
            }
            try (Servers.Running server = Servers.wireMock()) {
                wireMock = LoadRunner.run(server.root(), t, warmup, measure);
            }
            try (Servers.Running server = Servers.emulator()) {
                emulator = LoadRunner.run(server.root(), t, warmup, measure);
            }
            row(t, "raw JDK server (204 to all)", raw);
            row(t, "WireMock 3.13.2 (stubs)", wireMock);
            row(t, "emulator (real work)", emulator);
            print("| " + t + " | **ratios** | emulator/WireMock **" + ratio(emulator.perSecond(), wireMock.perSecond())
                    + "×**, emulator/raw **" + pct(emulator.perSecond(), raw.perSecond()) + "** | | | | WireMock/emulator CPU **"
                    + ratio(wireMock.serverCpuMicros(), emulator.serverCpuMicros()) + "×** |");
        }
    }

    /** A role of just what the mix needs (S3), in a unit below the root: Local where the rows are the user's own. */
    static final String ROLE_LIMITED = """
            {"businessUnits": [{"name": "Bench unit"}],
             "roles": [{"name": "Mix only", "privileges": {
                 "prvCreateAccount": "Local", "prvReadAccount": "Global", "prvAppendToAccount": "Local",
                 "prvCreateOpportunity": "Local", "prvReadOpportunity": "Local", "prvWriteOpportunity": "Local",
                 "prvAppendOpportunity": "Local"}}],
             "users": [{"name": "Bench user", "businessUnit": "Bench unit", "roles": ["Mix only"],
                        "token": "bench-user-token"}]}
            """;

    private void security() throws Exception {
        double warmup = quick ? 0.2 : 3;
        double measure = quick ? 0.3 : 6;
        print("");
        print("## The mix as a role-limited user (the same 8 requests, each checked for its privileges and the row)");
        print("");
        print("| threads | caller | requests/s | p50 µs | p99 µs | errors | server CPU µs/request |");
        print("|---|---|---|---|---|---|---|");
        for (int t : new int[] {1, 2}) {
            Stats admin;
            Stats limited;
            try (Servers.Running server = Servers.emulator(ROLE_LIMITED)) {
                admin = LoadRunner.run(server.root(), t, warmup, measure);
            }
            try (Servers.Running server = Servers.emulator(ROLE_LIMITED)) {
                limited = LoadRunner.run(server.root(), t, warmup, measure, "Bearer bench-user-token");
            }
            row(t, "System Administrator (no token)", admin);
            row(t, "role-limited user (opaque token, Local/Global)", limited);
            print("| " + t + " | **ratio** | role-limited/administrator **" + pct(limited.perSecond(), admin.perSecond())
                    + "** | | | | CPU role-limited/administrator **" + ratio(limited.serverCpuMicros(), admin.serverCpuMicros())
                    + "×** |");
        }
    }

    private void row(int threads, String server, Stats stats) {
        print("| " + threads + " | " + server + " | " + Math.round(stats.perSecond()) + " | " + stats.p50Micros() + " | "
                + stats.p99Micros() + " | " + stats.errors() + " | " + String.format("%.1f", stats.serverCpuMicros()) + " |");
    }

    private void scale() {
        int[] sizes = quick ? new int[] {1_000, 5_000} : new int[] {1_000, 100_000, 1_000_000};
        int operations = quick ? 500 : 20_000;
        print("");
        print("## Scale: associate + disassociate against a store of N rows (core, no socket; one thread)");
        print("");
        print("| rows | associate p50 µs | associate p99 µs | disassociate p50 µs | disassociate p99 µs | heap after GC MiB | bytes/row |");
        print("|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            DataverseService service = new DataverseService(Schema.standard(), BehaviourProfile.defaults());
            service.journalCapacity(0);
            long heapBefore = heapAfterGc();
            UUID account = create(service, "accounts", "{\"name\":\"Parent\"}");
            List<UUID> opportunities = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                opportunities.add(create(service, "opportunities", "{\"name\":\"o" + i + "\"}"));
            }
            long heap = heapAfterGc();
            long[] associate = new long[operations];
            long[] disassociate = new long[operations];
            String collection = "/api/data/v9.2/accounts(" + account + ")/opportunity_customer_accounts";
            for (int i = 0; i < operations; i++) {
                UUID opportunity = opportunities.get((int) ((i * 7919L) % size));
                long started = System.nanoTime();
                require(service.handle(emulatorRequest("POST", collection + "/$ref",
                        "{\"@odata.id\":\"http://h/api/data/v9.2/opportunities(" + opportunity + ")\"}")), 204);
                associate[i] = System.nanoTime() - started;
                started = System.nanoTime();
                require(service.handle(emulatorRequest("DELETE", collection + "(" + opportunity + ")/$ref", null)), 204);
                disassociate[i] = System.nanoTime() - started;
            }
            Arrays.sort(associate);
            Arrays.sort(disassociate);
            print("| " + size + " | " + micros(associate, 0.5) + " | " + micros(associate, 0.99) + " | "
                    + micros(disassociate, 0.5) + " | " + micros(disassociate, 0.99) + " | " + heap / (1024 * 1024) + " | "
                    + (heap - heapBefore) / size + " |");
        }
        int side = quick ? 100 : 1_000;
        DataverseService service = new DataverseService(Schema.standard(), BehaviourProfile.defaults());
        service.journalCapacity(0);
        List<UUID> opportunities = new ArrayList<>();
        List<UUID> competitors = new ArrayList<>();
        for (int i = 0; i < side; i++) {
            opportunities.add(create(service, "opportunities", "{\"name\":\"o\"}"));
            competitors.add(create(service, "competitors", "{\"name\":\"c\"}"));
        }
        long before = heapAfterGc();
        for (UUID opportunity : opportunities) {
            String path = "/api/data/v9.2/opportunities(" + opportunity + ")/opportunitycompetitors_association/$ref";
            for (UUID competitor : competitors) {
                require(service.handle(emulatorRequest("POST", path, "{\"@odata.id\":\"http://h/api/data/v9.2/competitors(" + competitor
                        + ")\"}")), 204);
            }
        }
        long after = heapAfterGc();
        print("");
        print("N:N pairs: " + service.pairCount() + " pairs take " + (after - before) / (1024 * 1024) + " MiB of heap after GC: **"
                + (after - before) / service.pairCount() + " bytes per pair**.");
    }

    private void startup() throws Exception {
        int starts = quick ? 3 : 30;
        long[] times = new long[starts];
        long first = 0;
        for (int i = 0; i < starts; i++) {
            long started = System.nanoTime();
            DataverseEmulator emulator = DataverseEmulator.builder().start();
            times[i] = System.nanoTime() - started;
            emulator.close();
            if (i == 0) {
                first = times[0];
            }
        }
        Arrays.sort(times);
        int tables = quick ? 50 : 1_000;
        byte[] large = LargeMetadata.generate(tables).getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("metadata", ".xml");
        Files.write(file, large);
        long started = System.nanoTime();
        Schema schema = Schema.fromFile(file);
        long load = System.nanoTime() - started;
        Files.delete(file);
        print("");
        print("## Start-up");
        print("");
        print("| what | time |");
        print("|---|---|");
        print("| emulator start (built-in schema, HTTP server up), median of " + starts + " | "
                + String.format("%.1f ms", times[starts / 2] / 1e6) + " |");
        print("| emulator start, the first in this JVM (class loading included) | " + String.format("%.1f ms", first / 1e6) + " |");
        print("| load a generated $metadata of " + schema.entitySetNames().size() + " tables (" + large.length / (1024 * 1024)
                + " MiB) | " + load / 1_000_000 + " ms |");
    }

    private void dslOverhead() throws Exception {
        int rounds = quick ? 20 : 300;
        try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
            Dataverse dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long[] dsl = new long[rounds];
            long[] plain = new long[rounds];
            try (DataverseSession dv = dataverse.openSession()) {
                RowRef account = dv.create(NewRow.of("account", "A")).row();
                List<RowRef> opportunities = new ArrayList<>();
                for (int i = 0; i < rounds * 2 + 40; i++) {
                    opportunities.add(dv.create(NewRow.of("opportunity", "o" + i)).row());
                }
                for (int i = 0; i < rounds + 20; i++) {
                    RowRef opportunity = opportunities.get(i);
                    long started = System.nanoTime();
                    dv.associate(opportunity).to(account).via("opportunity_customer_accounts").isNoContent();
                    dv.expect(account).collection("opportunity_customer_accounts").contains(opportunity);
                    if (i >= 20) {
                        dsl[i - 20] = System.nanoTime() - started;
                    }
                    RowRef other = opportunities.get(rounds + 20 + i);
                    started = System.nanoTime();
                    HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/"
                                    + account.path() + "/opportunity_customer_accounts/$ref"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"@odata.id\":\"" + emulator.serviceRoot() + "/" + other.path() + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/"
                            + account.path() + "/opportunity_customer_accounts/$ref")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (post.statusCode() != 204 || !get.body().contains(other.id().toString())) {
                        throw new IllegalStateException("plain client check failed");
                    }
                    if (i >= 20) {
                        plain[i - 20] = System.nanoTime() - started;
                    }
                }
            }
            Arrays.sort(dsl);
            Arrays.sort(plain);
            print("");
            print("## DSL overhead: associate + read-back (2 requests), median of " + rounds);
            print("");
            print("| client | median µs | p99 µs |");
            print("|---|---|---|");
            print("| DSL (RestAssured, checks, Allure hook) | " + micros(dsl, 0.5) + " | " + micros(dsl, 0.99) + " |");
            print("| java.net.http.HttpClient, same 2 requests | " + micros(plain, 0.5) + " | " + micros(plain, 0.99) + " |");
            print("| **ratio DSL/plain** | **" + ratio(micros(dsl, 0.5), micros(plain, 0.5)) + "×** | |");
        }
    }

    /** 100 creates in one $batch change set against the same 100 creates sent one by one, same client, loopback. */
    private void batch() throws Exception {
        int rounds = quick ? 2 : 20;
        int requests = 100;
        try (DataverseEmulator emulator = DataverseEmulator.builder().start()) {
            emulator.service().journalCapacity(0);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String root = emulator.serviceRoot();
            long[] batched = new long[rounds];
            long[] oneByOne = new long[rounds];
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                StringBuilder body = new StringBuilder("--batch_b\r\nContent-Type: multipart/mixed; boundary=cs_c\r\n\r\n");
                for (int i = 1; i <= requests; i++) {
                    body.append("--cs_c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n")
                            .append("Content-ID: ").append(i).append("\r\n\r\nPOST accounts HTTP/1.1\r\n")
                            .append("Content-Type: application/json\r\n\r\n{\"name\":\"b").append(i).append("\"}\r\n");
                }
                body.append("--cs_c--\r\n--batch_b--\r\n");
                long started = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(root + "/$batch"))
                        .header("Content-Type", "multipart/mixed; boundary=batch_b")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                long batchNanos = System.nanoTime() - started;
                if (answer.statusCode() != 200 || answer.body().split("HTTP/1.1 204", -1).length != requests + 1) {
                    throw new IllegalStateException("batch failed: " + answer.statusCode());
                }
                started = System.nanoTime();
                for (int i = 1; i <= requests; i++) {
                    HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(root + "/accounts"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"s" + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() != 204) {
                        throw new IllegalStateException("create failed: " + created.statusCode());
                    }
                }
                if (round >= 0) {
                    batched[round] = batchNanos;
                    oneByOne[round] = System.nanoTime() - started;
                }
            }
            Arrays.sort(batched);
            Arrays.sort(oneByOne);
            print("");
            print("## $batch: " + requests + " creates in one change set against the same " + requests
                    + " creates one by one (loopback, one client), median of " + rounds);
            print("");
            print("| form | median µs | p99 µs |");
            print("|---|---|---|");
            print("| one $batch request | " + micros(batched, 0.5) + " | " + micros(batched, 0.99) + " |");
            print("| " + requests + " requests | " + micros(oneByOne, 0.5) + " | " + micros(oneByOne, 0.99) + " |");
            print("| **ratio one-by-one/batch** | **" + ratio(micros(oneByOne, 0.5), micros(batched, 0.5)) + "×** | |");
        }
    }

    /** The suite in live mode against a stand-in org whose service protection limits allow about half its speed. */
    private void limits() throws Exception {
        List<String> folders = quick ? List.of("features/associate") : List.of("features");
        String limits = quick ? "requests=20,window=300s,time-scale=0.01" : "requests=400,window=1000s,time-scale=0.01";
        print("");
        print("## The suite in live mode against a throttled stand-in org (" + limits + ")");
        print("");
        print("| mode | scenarios | failed | requests served | 429s | sent during a penalty | wall time | bound | wall/bound |");
        print("|---|---|---|---|---|---|---|---|---|");
        for (int parallelism : new int[] {1, 4}) {
            dev.dataversebdd.targets.ThrottledSuite.Result r = dev.dataversebdd.targets.ThrottledSuite.run(folders, limits,
                    parallelism);
            print("| " + (parallelism == 1 ? "serial" : "parallel, dataverse.parallelism=" + parallelism) + " | " + r.scenarios()
                    + " | " + r.failed() + " | " + r.served() + " | " + r.refused() + " | " + r.duringPenalty() + " | "
                    + r.wallMillis() + " ms | " + r.boundMillis() + " ms | "
                    + (r.boundMillis() == 0 ? "-" : String.format("%.2f", r.wallMillis() / (double) r.boundMillis())) + " |");
        }
    }

    private void suite() {
        print("");
        print("## The features/ suite against the embedded emulator (in this JVM, after one warm-up run)");
        print("");
        print("| mode | scenarios | wall time | per scenario |");
        print("|---|---|---|---|");
        runSuite(false, quick ? "@seed-v9.0" : null);
        long[] serial = runSuite(false, quick ? "@seed-v9.0" : null);
        print("| serial | " + serial[0] + " | " + serial[1] + " ms | " + serial[1] / Math.max(1, serial[0]) + " ms |");
        long[] parallel = runSuite(true, quick ? "@seed-v9.0" : null);
        print("| parallel, 2 threads | " + parallel[0] + " | " + parallel[1] + " ms | " + parallel[1] / Math.max(1, parallel[0])
                + " ms |");
    }

    private static long[] runSuite(boolean parallel, String tags) {
        var builder = request().selectors(selectDirectory("features")).filters(includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "dev.dataversebdd.steps")
                .configurationParameter("cucumber.plugin", "summary")
                .configurationParameter("cucumber.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", "2")
                .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", "2");
        if (tags != null) {
            builder.configurationParameter("cucumber.filter.tags", tags);
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long started = System.nanoTime();
        LauncherFactory.create().execute(builder.build(), listener);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (listener.getSummary().getTotalFailureCount() > 0) {
            throw new IllegalStateException(listener.getSummary().getTotalFailureCount() + " scenarios failed");
        }
        return new long[] {listener.getSummary().getTestsSucceededCount(), millis};
    }

    private static UUID create(DataverseService service, String set, String body) {
        EmulatorResponse response = require(service.handle(emulatorRequest("POST", "/api/data/v9.2/" + set, body)), 204);
        String id = response.header("OData-EntityId");
        return UUID.fromString(id.substring(id.lastIndexOf('(') + 1, id.length() - 1));
    }

    private static EmulatorRequest emulatorRequest(String method, String path, String body) {
        return EmulatorRequest.of(method, path, body, Map.of("Host", "h"));
    }

    private static EmulatorResponse require(EmulatorResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.bodyText());
        }
        return response;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long micros(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000;
    }

    private static String ratio(double a, double b) {
        return String.format("%.2f", a / b);
    }

    private static String pct(double a, double b) {
        return String.format("%.0f %%", 100 * a / b);
    }

    private void print(String line) {
        System.out.println(line);
        out.append(line).append('\n');
    }
}

package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import dev.dataversebdd.emulator.core.Fault;
import dev.dataversebdd.emulator.core.limits.ServiceProtection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's service protection limits over HTTP ("Service protection API limits"; "Send parallel requests";
 * "Execute batch operations using the Web API"): 429 with {@code Retry-After} and the documented codes, per caller,
 * the pacing headers on every answer, a {@code $batch} counted once.
 */
class ServiceProtectionHttpTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DataverseEmulator emulator;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void start(String limits) {
        emulator = DataverseEmulator.builder().serviceProtection(ServiceProtection.parse(limits)).start();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/" + path))
                .header("Accept", "application/json").header("OData-Version", "4.0").timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void should_answer_429_with_retry_after_and_the_requests_error_once_a_caller_is_over_the_request_limit() throws Exception {
        // GIVEN 3 requests a 300-s window, run 100 times faster (3 s)
        start("requests=3,window=300s,time-scale=0.01,dop-hint=6");
        // WHEN 3 requests are sent THEN each is served, saying what is left of the window, and the hint
        for (int left = 2; left >= 0; left--) {
            HttpResponse<String> served = get("accounts");
            assertThat(served.statusCode(), equalTo(200));
            assertThat(header(served, "x-ms-ratelimit-burst-remaining-xrm-requests"), equalTo(String.valueOf(left)));
            assertThat(header(served, "x-ms-dop-hint"), equalTo("6"));
            assertThat(Double.parseDouble(header(served, "x-ms-ratelimit-time-remaining-xrm-requests")), greaterThan(1000.0));
        }
        // AND a fourth THEN 429, Retry-After in real seconds within the scaled window, the documented code and message
        HttpResponse<String> refused = get("accounts");
        assertThat(refused.statusCode(), equalTo(429));
        assertThat(Integer.parseInt(header(refused, "Retry-After")), allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(3)));
        assertThat(refused.body(), containsString("\"code\":\"0x80072322\""));
        assertThat(refused.body(), containsString("Number of requests exceeded the limit of 3 over time window of 300 seconds."));
        assertThat(header(refused, "x-ms-dop-hint"), equalTo("6"));
        // AND once the window has moved on, the caller is served again
        Thread.sleep(Integer.parseInt(header(refused, "Retry-After")) * 1000L + 100);
        assertThat(get("accounts").statusCode(), equalTo(200));
    }

    @Test
    void should_extend_the_penalty_of_a_caller_who_keeps_sending_while_told_to_wait() throws Exception {
        // GIVEN a caller over the limit, each request during the penalty adding 100 org seconds (1 s real)
        start("requests=1,window=100s,time-scale=0.01,penalty-extension=100s");
        get("accounts");
        int first = Integer.parseInt(header(get("accounts"), "Retry-After"));
        // WHEN it sends twice more at once THEN the penalty it is told about has grown
        get("accounts");
        int later = Integer.parseInt(header(get("accounts"), "Retry-After"));
        assertThat(later, greaterThan(first));
    }

    @Test
    void should_count_each_caller_apart_by_token_and_by_impersonated_user() throws Exception {
        // GIVEN one request a window, and a caller who has spent it
        start("requests=1,window=300s,time-scale=0.1");
        assertThat(get("accounts", "Authorization", "Bearer one").statusCode(), equalTo(200));
        assertThat(get("accounts", "Authorization", "Bearer one").statusCode(), equalTo(429));
        // WHEN another token, or the same token on behalf of a user, sends THEN each is served: limits are per user
        assertThat(get("accounts", "Authorization", "Bearer two").statusCode(), equalTo(200));
        assertThat(get("accounts", "Authorization", "Bearer one", "MSCRMCallerID",
                "00000000-0000-4000-8000-0000000c0de1").statusCode(), equalTo(200));
    }

    @Test
    void should_count_a_batch_as_one_request() throws Exception {
        // GIVEN ten requests a window
        start("requests=10,window=300s,time-scale=0.1");
        String boundary = "batch_limits";
        String part = "--" + boundary + "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "GET /api/data/v9.2/accounts HTTP/1.1\r\nAccept: application/json\r\n\r\n";
        // WHEN a batch of three GETs is sent
        HttpResponse<String> batch = client.send(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/$batch"))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary).header("OData-Version", "4.0")
                .POST(HttpRequest.BodyPublishers.ofString(part + part + part + "--" + boundary + "--\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        // THEN it is served and has spent one request of the window, not four
        assertThat(batch.body(), batch.statusCode(), equalTo(200));
        assertThat(header(batch, "x-ms-ratelimit-burst-remaining-xrm-requests"), equalTo("9"));
    }

    @Test
    void should_refuse_a_caller_over_the_combined_execution_time_with_its_own_code() throws Exception {
        // GIVEN 250 ms of execution time a window, and requests that take 100 ms each
        start("execution-time=250ms,window=60s");
        emulator.service().latency(Duration.ofMillis(100));
        // WHEN three requests have taken their time THEN the fourth is refused for execution time
        for (int i = 0; i < 3; i++) {
            assertThat(get("accounts").statusCode(), equalTo(200));
        }
        HttpResponse<String> refused = get("accounts");
        assertThat(refused.statusCode(), equalTo(429));
        assertThat(refused.body(), containsString("\"code\":\"0x80072321\""));
        assertThat(refused.body(), containsString("Combined execution time of incoming requests exceeded limit of 250 "
                + "milliseconds over time window of 60 seconds."));
        assertThat(header(refused, "x-ms-ratelimit-time-remaining-xrm-requests"), equalTo("0.00"));
    }

    @Test
    void should_refuse_a_request_beyond_the_concurrent_limit_while_others_of_the_caller_are_in_flight() throws Exception {
        // GIVEN one concurrent request per caller, and requests that take 400 ms
        start("concurrent=1");
        emulator.service().latency(Duration.ofMillis(400));
        // WHEN three are sent at once
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(emulator.serviceRoot() + "/accounts")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            statuses.add(response.get().statusCode());
            bodies.add(response.get().body());
        }
        // THEN one is served and the others told 0x80072326; no penalty: the caller is served once they are done
        assertThat(statuses, hasItem(200));
        assertThat(statuses, hasItem(429));
        assertThat(String.join("\n", bodies), containsString(
                "\"code\":\"0x80072326\",\"message\":\"Number of concurrent requests exceeded the limit of 1.\""));
        assertThat(get("accounts").statusCode(), equalTo(200));
    }

    @Test
    void should_serve_a_forced_429_as_a_penalty_the_caller_must_wait_out() throws Exception {
        // GIVEN limits with room to spare, and one forced 429 of 1 s
        start("on");
        emulator.service().injectFault(Fault.serviceProtection(1));
        // WHEN the caller sends twice at once THEN both are refused: the second fell inside the forced penalty
        HttpResponse<String> forced = get("accounts");
        assertThat(forced.statusCode(), equalTo(429));
        assertThat(header(forced, "Retry-After"), equalTo("1"));
        assertThat(header(forced, "x-ms-dop-hint"), equalTo("4"));
        assertThat(get("accounts").statusCode(), equalTo(429));
    }

    @Test
    void should_not_count_or_pace_anything_while_off_nor_count_a_request_refused_for_its_token() throws Exception {
        // GIVEN the default emulator THEN no pacing header, ever
        start("on");
        emulator.close();
        emulator = DataverseEmulator.builder().start();
        assertThat(header(get("accounts"), "x-ms-dop-hint"), nullValue());
        // AND with limits on and a token required, a refused token is answered 401 before it counts
        emulator.close();
        start("requests=1,time-scale=0.1");
        emulator.service().requireBearerToken("good"::equals);
        assertThat(get("accounts").statusCode(), equalTo(401));
        assertThat(get("accounts", "Authorization", "Bearer good").statusCode(), equalTo(200));
    }
}

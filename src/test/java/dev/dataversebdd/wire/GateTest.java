package dev.dataversebdd.wire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's rules on answers made up in the test: both forms of Retry-After, the hint, the file other JVMs read. */
class GateTest {

    private static final RetryDecision RETRIES = new RetryDecision(5, Duration.ofMillis(10), Duration.ofSeconds(60));

    @TempDir
    Path folder;

    /** An answer: a status and its headers. */
    private record Answer(int status, Map<String, String> headers) {
        Function<String, String> header() {
            return name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private Gate gate(Duration maxWait, int inFlight) {
        return new Gate(new Gate.Settings(maxWait, inFlight, folder.resolve("pacing.state"), "raise the wait"));
    }

    private static Answer call(Gate gate, List<Answer> script, List<Long> sentAt) {
        AtomicInteger next = new AtomicInteger();
        return gate.call("POST", "POST /accounts", RETRIES, () -> {
            sentAt.add(System.currentTimeMillis());
            return script.get(Math.min(next.getAndIncrement(), script.size() - 1));
        }, Answer::status, Answer::header, note -> { });
    }

    @Test
    void should_read_retry_after_in_seconds_and_as_an_http_date() {
        long now = Instant.parse("2026-12-02T01:00:00Z").toEpochMilli();
        assertThat(RetryAfter.parse("7", now), equalTo(Optional.of(Duration.ofSeconds(7))));
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 01:00:03 GMT", now), equalTo(Optional.of(Duration.ofSeconds(3))));
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 00:59:00 GMT", now), equalTo(Optional.of(Duration.ZERO)));
        assertThat(RetryAfter.parse("soon", now), equalTo(Optional.empty()));
        assertThat(new RetryDecision(3, Duration.ofMillis(1), Duration.ofSeconds(60)).wait(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(30).atOffset(ZoneOffset.UTC)), 1)
                .toSeconds(), greaterThanOrEqualTo(28L));
    }

    @Test
    void should_hold_a_post_told_to_wait_by_an_http_date_and_then_send_it_again() {
        // GIVEN an answer 429 whose Retry-After is a date two seconds ahead, then a 204
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(2).atOffset(ZoneOffset.UTC));
        List<Long> sentAt = new ArrayList<>();
        Answer last = call(gate(Duration.ofSeconds(30), 1), List.of(new Answer(429, Map.of("Retry-After", date)),
                new Answer(204, Map.of())), sentAt);
        // THEN the POST was sent again (429: it was not processed) after the date
        assertThat(last.status(), equalTo(204));
        assertThat(sentAt.get(1) - sentAt.get(0), greaterThanOrEqualTo(900L));
    }

    @Test
    void should_tell_every_jvm_of_the_machine_through_the_file_and_obey_what_another_wrote() throws Exception {
        // GIVEN another JVM's penalty in the file, 1.5 s ahead
        long until = System.currentTimeMillis() + 1500;
        Files.writeString(folder.resolve("pacing.state"), until + "\n");
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        // WHEN this JVM sends THEN not before the other's penalty is over
        call(gate(Duration.ofSeconds(30), 2), List.of(new Answer(204, Map.of())), sentAt);
        assertThat(sentAt.get(0), greaterThanOrEqualTo(until));
        // AND a 429 this JVM is given lands in the file for the others
        call(gate(Duration.ofSeconds(30), 2), List.of(new Answer(429, Map.of("Retry-After", "1")),
                new Answer(204, Map.of())), sentAt);
        assertThat(Long.parseLong(Files.readString(folder.resolve("pacing.state")).trim()),
                greaterThanOrEqualTo(sentAt.get(1) + 1000));
    }

    @Test
    void should_fail_with_the_maximum_wait_and_what_to_change_instead_of_hanging() {
        // GIVEN an org that says to wait 30 s, and a run that may wait 1 s
        Gate gate = gate(Duration.ofSeconds(1), 1);
        WaitedTooLong e = org.junit.jupiter.api.Assertions.assertThrows(WaitedTooLong.class, () -> call(gate,
                List.of(new Answer(429, Map.of("Retry-After", "30"))), new ArrayList<>()));
        assertThat(e.getMessage(), containsString("POST /accounts would have waited 30 s in all, longer than the run's "
                + "maximum wait of 1 s"));
        assertThat(e.getMessage(), containsString("raise the wait"));
    }

    @Test
    void should_keep_the_requests_in_flight_within_the_bound_and_the_org_hint() throws Exception {
        // GIVEN a bound of 8 and an org whose hint is 3, and 6 threads sending slow requests
        Gate gate = gate(Duration.ofSeconds(30), 8);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    gate.call("GET", "GET /accounts", RETRIES, () -> {
                        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inFlight.decrementAndGet();
                        return new Answer(200, Map.of("x-ms-dop-hint", "3"));
                    }, Answer::status, Answer::header, note -> { });
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // THEN never more than the hint (and it started at half the bound)
        assertThat(peak.get(), lessThanOrEqualTo(4));
        assertThat(gate.summary(), containsString("60 requests"));
    }
}

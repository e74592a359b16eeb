package dev.dataversebdd.emulator.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Web API request is read once, into the kind of call the pipeline switches over. */
class ParsedRequestTest {

    private static ParsedRequest parse(String method, String path, Map<String, String> headers) {
        EmulatorRequest request = EmulatorRequest.of(method, path, null, headers);
        return ParsedRequest.parse(request, ParsedRequest.serviceRoot(request), BehaviourProfile.defaults());
    }

    @Test
    void should_read_the_kind_of_call_from_the_method_and_path() {
        assertThat(parse("POST", "/api/data/v9.2/$batch", Map.of()).kind(), equalTo(ParsedRequest.Kind.BATCH));
        assertThat(parse("POST", "/api/data/v9.2/accounts", Map.of()).kind(), equalTo(ParsedRequest.Kind.WRITE));
        assertThat(parse("DELETE", "/api/data/v9.2/accounts(1)/x/$ref", Map.of()).kind(), equalTo(ParsedRequest.Kind.WRITE));
        assertThat(parse("GET", "/api/data/v9.2/accounts", Map.of()).kind(), equalTo(ParsedRequest.Kind.READ));
    }

    @Test
    void should_echo_the_host_and_the_version_the_request_was_sent_to() {
        // WHEN a request comes to another host, in another API version
        ParsedRequest parsed = parse("GET", "/api/data/v9.1/accounts", Map.of("Host", "org.example:8080"));
        // THEN its context names that service root, and its version
        assertThat(parsed.context().serviceRoot(), equalTo("http://org.example:8080/api/data/v9.1"));
        assertThat(parsed.version(), equalTo("v9.1"));
    }

    @Test
    void should_refuse_an_unknown_version_and_a_malformed_behaviour_header_before_any_operation() {
        DataverseException version = assertThrows(DataverseException.class,
                () -> parse("GET", "/api/data/v7.0/accounts", Map.of()));
        assertThat(version.status(), equalTo(404));
        DataverseException behaviour = assertThrows(DataverseException.class,
                () -> parse("GET", "/api/data/v9.2/accounts", Map.of(DataverseService.BEHAVIOUR_HEADER, "bind-null")));
        assertThat(behaviour.code(), equalTo("EMULATOR_BEHAVIOUR"));
    }
}

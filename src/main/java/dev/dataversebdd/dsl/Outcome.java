package dev.dataversebdd.dsl;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.report.StatusText;
import io.restassured.path.json.JsonPath;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.StringDescription;

/**
 * What the target answered to one operation, with the checks a scenario makes on it. Each check fails with the
 * full story: operation, expected, actual, the domain sentence, the target, the request and the response.
 *
 * <pre>{@code
 * dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 * dv.associate(rival).to(deal).via("opportunitycompetitors_association").failsWith(412).withCode("0x80040237");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Outcome {

    /** Whether Dataverse documents an {@code OData-EntityId} header for the operation. */
    enum EntityId { NONE, ANY, OF_ROW }

    private final Failures failures;
    private final String operation;
    private final String doing;
    private final Supplier<RecordedExchange> answer;
    private final String table;
    private final EntityId entityId;
    private RowRef row;

    Outcome(Failures failures, Operation sent, RecordedExchange exchange) {
        this(failures, sent, () -> exchange);
    }

    /** An answer that comes later: a request of a batch, answered when the batch has been sent. */
    Outcome(Failures failures, Operation sent, Supplier<RecordedExchange> answer) {
        this.failures = failures;
        this.operation = sent.name();
        this.doing = sent.sentence();
        this.answer = answer;
        this.table = sent.table();
        this.entityId = sent.entityId();
    }

    Outcome about(RowRef row) {
        this.row = row;
        return this;
    }

    /**
     * Dataverse's success semantics: {@code 204 No Content}, an empty body, {@code OData-Version: 4.0}, and
     * {@code OData-EntityId} where documented (create, update).
     */
    public Outcome isNoContent() {
        requireStatus(204);
        if (!exchange().responseBody().isEmpty()) {
            throw fail("an empty body", exchange().responseBody().length() + " characters of body");
        }
        String version = exchange().responseHeader("OData-Version");
        if (!"4.0".equals(version)) {
            throw fail("header OData-Version: 4.0", version == null ? "no OData-Version header" : "OData-Version: " + version);
        }
        String location = exchange().responseHeader("OData-EntityId");
        if (entityId != EntityId.NONE) {
            String suffix = entityId == EntityId.OF_ROW && row != null ? "/" + row.path() : ")";
            if (location == null || !location.startsWith("http") || !location.endsWith(suffix)) {
                throw fail("header OData-EntityId: <absolute URL ending in " + suffix + ">",
                        location == null ? "no OData-EntityId header" : "OData-EntityId: " + location);
            }
        }
        return this;
    }

    /** The status alone, for answers other than 204 (e.g. 200 with {@code return=representation}). */
    public Outcome hasStatus(int status) {
        requireStatus(status);
        return this;
    }

    /** A Dataverse error: this status and the {@code {"error":{"code","message"}}} envelope. */
    public ErrorOutcome failsWith(int status) {
        requireStatus(status);
        DataverseError error = DataverseError.parse(exchange().responseBody())
                .orElseThrow(() -> fail("a Dataverse error body {\"error\":{\"code\":...,\"message\":...}}",
                        exchange().responseBody().isEmpty() ? "an empty body" : "another body"));
        return new ErrorOutcome(this, error);
    }

    /**
     * Refused for a missing privilege: 403 with {@code 0x80040220} whose message names {@code privilege} (any case), as
     * Dataverse's {@code "… is missing prvAppendToAccount privilege …"} does.
     *
     * <pre>{@code
     * dv.as(dana).associate(deal).to(contoso).via("opportunity_customer_accounts").isRefusedForLackOf("prvAppendToAccount");
     * }</pre>
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public ErrorOutcome isRefusedForLackOf(String privilege) {
        return refused(SecurityRefusal.missingPrivilege(privilege, null));
    }

    /** As {@link #isRefusedForLackOf(String)}, the message naming {@code user} as the one who lacks it. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public ErrorOutcome isRefusedForLackOf(RowRef user, String privilege) {
        return refused(SecurityRefusal.missingPrivilege(privilege, user));
    }

    /**
     * Denied access to one row: 403 with {@code 0x80048306} whose message names the row's id (the user holds the
     * privilege, but its depth does not reach the row and no share opens it).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public ErrorOutcome isDeniedAccessTo(RowRef row) {
        return refused(SecurityRefusal.noAccess(row));
    }

    /** Refused to act on behalf of another user: 403 with {@code 0x8004A110} (no {@code prvActOnBehalfOfAnotherUser}). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public ErrorOutcome isRefusedToImpersonate() {
        return refused(SecurityRefusal.impersonation());
    }

    private ErrorOutcome refused(SecurityRefusal expected) {
        Optional<DataverseError> error = error();
        Optional<String> actual = expected.mismatch(exchange().status(), exchange().statusLine(), error);
        if (actual.isPresent()) {
            throw failures.of(operation, expected.description(), actual.get(), doing, exchange(), table,
                    expected.hint(doing, error));
        }
        return new ErrorOutcome(this, error.orElseThrow());
    }

    /**
     * A value of the JSON body, by RestAssured's JSON path ({@code value[0].name}, {@code _customerid_value}),
     * checked with a Hamcrest matcher.
     */
    public Outcome hasJsonValue(String path, Matcher<?> matcher) {
        Object value;
        try {
            value = JsonPath.from(exchange().responseBody()).get(path);
        } catch (RuntimeException e) {
            throw fail("JSON at '" + path + "' " + describe(matcher), "a body that is not JSON");
        }
        if (!matcher.matches(value)) {
            throw fail("JSON at '" + path + "' " + describe(matcher), value == null ? "null" : "\"" + value + "\"");
        }
        return this;
    }

    /** The JSON value at {@code path} equals {@code expected} (as text). */
    public Outcome hasJsonValue(String path, String expected) {
        return hasJsonValue(path, Matchers.hasToString(expected));
    }

    /** The JSON value at {@code path} ends with {@code suffix}. */
    public Outcome hasJsonValueEndingWith(String path, String suffix) {
        return hasJsonValue(path, Matchers.hasToString(Matchers.endsWith(suffix)));
    }

    /** The JSON value at {@code path} starts with {@code prefix} (an ETag with {@code W/"}, say). */
    public Outcome hasJsonValueStartingWith(String path, String prefix) {
        return hasJsonValue(path, Matchers.hasToString(Matchers.startsWith(prefix)));
    }

    /** The JSON value at {@code path} is null (or absent). */
    public Outcome hasJsonNull(String path) {
        return hasJsonValue(path, Matchers.nullValue());
    }

    /** The JSON array at {@code path} has {@code count} items. */
    public Outcome hasJsonItems(String path, int count) {
        return hasJsonValue(path, Matchers.hasSize(count));
    }

    /** A response header has exactly this value. */
    public Outcome hasHeader(String name, String expected) {
        return hasHeader(name, Matchers.equalTo(expected));
    }

    /** A response header ends with {@code suffix}. */
    public Outcome hasHeaderEndingWith(String name, String suffix) {
        return hasHeader(name, Matchers.endsWith(suffix));
    }

    /** The response has no such header. */
    public Outcome hasNoHeader(String name) {
        return hasHeader(name, Matchers.nullValue());
    }

    /** A response header, checked with a Hamcrest matcher (null when absent). */
    public Outcome hasHeader(String name, Matcher<? super String> matcher) {
        String value = exchange().responseHeader(name);
        if (!matcher.matches(value)) {
            throw fail("header " + name + " " + describe(matcher), value == null ? "no " + name + " header" : name + ": " + value);
        }
        return this;
    }

    /**
     * The body of a {@code $count}: the bare number after a UTF-8 byte order mark, as Dataverse sends it (D6).
     */
    public Outcome hasCount(int count) {
        String expected = "\uFEFF" + count;
        if (!exchange().responseBody().equals(expected)) {
            throw fail("the count body \\uFEFF" + count, "\"" + exchange().responseBody().replace("\uFEFF", "\\uFEFF") + "\"");
        }
        return this;
    }

    /** No body at all. */
    public Outcome hasEmptyBody() {
        if (!exchange().responseBody().isEmpty()) {
            throw fail("an empty body", exchange().responseBody().length() + " characters of body");
        }
        return this;
    }

    private static String describe(Matcher<?> matcher) {
        StringDescription description = new StringDescription();
        matcher.describeTo(description);
        return description.toString();
    }

    /** The Dataverse error message contains {@code text}, whatever the status. */
    public Outcome hasErrorMessageContaining(String text) {
        String message = error().map(DataverseError::message).orElse(null);
        if (message == null || !message.contains(text)) {
            throw fail("an error message containing \"" + text + "\"", message == null ? "no Dataverse error" : "\"" + message + "\"");
        }
        return this;
    }

    public boolean succeeded() {
        return exchange().status() >= 200 && exchange().status() < 300;
    }

    public int status() {
        return exchange().status();
    }

    /** The request and response, as sent and received (not redacted: keep it out of logs). */
    public RecordedExchange exchange() {
        return answer.get();
    }

    /** The Dataverse error of the response, if it carries one. */
    public Optional<DataverseError> error() {
        return DataverseError.parse(exchange().responseBody());
    }

    private void requireStatus(int status) {
        if (exchange().status() != status) {
            throw fail(StatusText.of(status), exchange().statusLine());
        }
    }

    AssertionError fail(String expected, String actual) {
        return failures.of(operation, expected, actual, doing, exchange(), table);
    }
}

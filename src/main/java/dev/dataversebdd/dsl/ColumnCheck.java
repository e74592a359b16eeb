package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.StringDescription;

/** Checks on one column's value, as read back ({@code dv.expect(contoso).column("name").is("Contoso Ltd")}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ColumnCheck {

    private final ReadBack readBack;
    private final String column;
    private final JsonNode value;

    ColumnCheck(ReadBack readBack, String column, JsonNode value) {
        this.readBack = readBack;
        this.column = column;
        this.value = value;
    }

    /** The value, as text, is {@code expected}. */
    public ColumnCheck is(String expected) {
        return matches(Matchers.equalTo(expected));
    }

    /** The column is null. */
    public ColumnCheck isNull() {
        return matches(Matchers.nullValue());
    }

    /** The value, as text (null when null), matches. */
    public ColumnCheck matches(Matcher<? super String> matcher) {
        String actual = value.isNull() || value.isMissingNode() ? null : value.asText();
        if (!matcher.matches(actual)) {
            StringDescription expected = new StringDescription();
            matcher.describeTo(expected);
            throw readBack.fail(column + " " + expected, actual == null ? "null" : "\"" + actual + "\"", "check "
                    + column + " of " + readBack.row().describe());
        }
        return this;
    }
}

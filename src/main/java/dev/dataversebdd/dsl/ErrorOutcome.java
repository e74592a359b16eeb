package dev.dataversebdd.dsl;

import org.apiguardian.api.API;


/**
 * Checks on a Dataverse error answer.
 *
 * <pre>{@code
 * outcome.failsWith(400).withCode("0x8006088a").withMessageContaining("invalid after the segment");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ErrorOutcome {

    private final Outcome outcome;
    private final DataverseError error;

    ErrorOutcome(Outcome outcome, DataverseError error) {
        this.outcome = outcome;
        this.error = error;
    }

    /** {@code error.code}, e.g. {@code 0x80040217}; Dataverse also sends {@code 0x0} and the empty string. */
    public ErrorOutcome withCode(String code) {
        if (!error.code().equals(code)) {
            throw outcome.fail("error code " + code, "error code " + (error.code().isEmpty() ? "\"\"" : error.code()));
        }
        return this;
    }

    public ErrorOutcome withMessageContaining(String text) {
        if (!error.message().contains(text)) {
            throw outcome.fail("an error message containing \"" + text + "\"", "\"" + error.message() + "\"");
        }
        return this;
    }

    public DataverseError error() {
        return error;
    }
}

package dev.dataversebdd.dsl;

import dev.dataversebdd.report.ExchangeFormatter;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.report.Redactor;
import dev.dataversebdd.wire.ErrorBody;
import org.opentest4j.AssertionFailedError;

/**
 * Builds the failure message STYLE.md describes: a grep-able first line (operation, expected, actual), the domain
 * sentence, the target, the scenario line, the decoded Dataverse error, the redacted request and response, and
 * at most one hint. Expected and actual also travel as data so IDEs and Allure can show a diff.
 */
final class FailureReport {

    private static final int BODY_LIMIT = 2_000;

    private final String targetDescription;
    private final Redactor redactor;
    private final ExchangeFormatter formatter;

    FailureReport(String targetDescription, Redactor redactor) {
        this.targetDescription = targetDescription;
        this.redactor = redactor;
        this.formatter = new ExchangeFormatter(redactor, BODY_LIMIT);
    }

    /**
     * @param location the scenario line ({@code features/x.feature:14}), or null outside Gherkin
     * @param hint     cause and remedy in one sentence, or null
     */
    AssertionFailedError failure(String operation, String expected, String actual, String doing,
                                 String location, RecordedExchange exchange, String hint) {
        return new AssertionFailedError(message(operation, expected, actual, doing, location, exchange, hint),
                redactor.text(expected), redactor.text(actual));
    }

    String message(String operation, String expected, String actual, String doing, String location,
                   RecordedExchange exchange, String hint) {
        StringBuilder text = new StringBuilder();
        text.append(operation).append(" failed: expected ").append(expected).append(" but was ").append(actual).append('\n');
        text.append("  doing:   ").append(doing).append('\n');
        text.append("  target:  ").append(targetDescription).append('\n');
        if (location != null) {
            text.append("  step:    ").append(location).append('\n');
        }
        if (exchange != null) {
            ErrorBody.parse(exchange.responseBody()).ifPresent(error -> text.append("Dataverse error ")
                    .append(error.code().isEmpty() ? "(no code)" : error.code()).append(": ").append(error.message())
                    .append('\n'));
            text.append(formatter.format(exchange));
        }
        if (hint != null) {
            text.append("hint: ").append(hint.replace("\n", "\n      ")).append('\n');
        }
        return redactor.text(text.toString().stripTrailing());
    }
}

package dev.dataversebdd.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Attaches every request/response pair to the running Allure test, redacted. Outside an Allure test (plain JUnit
 * without the Allure adapter) it does nothing, so the DSL works with or without reports.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AllureAttachments implements Consumer<RecordedExchange> {

    private static final int BODY_LIMIT = 64 * 1024;

    private final ExchangeFormatter formatter;

    public AllureAttachments(Redactor redactor) {
        this.formatter = new ExchangeFormatter(redactor, BODY_LIMIT);
    }

    @Override
    public void accept(RecordedExchange exchange) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCaseOrStep().isEmpty()) {
            return;
        }
        String name = exchange.method() + " " + shortTarget(exchange.target()) + " -> " + exchange.statusLine();
        lifecycle.addAttachment(name, "text/plain", ".txt", formatter.format(exchange).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A short text note in the running Allure test (e.g. the behaviour a live org showed); nothing outside one. */
    public void note(String name, String text) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCaseOrStep().isPresent()) {
            lifecycle.addAttachment(name, "text/plain", ".txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String shortTarget(String target) {
        int api = target.indexOf("/api/data/");
        String rest = api < 0 ? target : target.substring(api + "/api/data/".length());
        return rest.length() > 120 ? rest.substring(0, 120) + "..." : rest;
    }
}

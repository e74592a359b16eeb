package dev.dataversebdd.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where every request/response pair goes, redacted: attached to the running Allure test (nothing outside one, so
 * the DSL works with or without Allure), and to any other sink a session adds, such as Cucumber's own scenario (so
 * {@code cucumber.html} and its JSON show them too).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Evidence implements Consumer<RecordedExchange> {

    private static final int BODY_LIMIT = 64 * 1024;

    private final ExchangeFormatter formatter;
    private final java.util.List<java.util.function.BiConsumer<String, String>> sinks =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Evidence(Redactor redactor) {
        this.formatter = new ExchangeFormatter(redactor, BODY_LIMIT, true);
    }

    /** Also sends every exchange (its name, its redacted text) to {@code sink}. */
    public void alsoTo(java.util.function.BiConsumer<String, String> sink) {
        sinks.add(sink);
    }

    @Override
    public void accept(RecordedExchange exchange) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        boolean inAllureTest = lifecycle.getCurrentTestCaseOrStep().isPresent();
        if (!inAllureTest && sinks.isEmpty()) {
            return;
        }
        String name = exchange.method() + " " + shortTarget(exchange.target()) + " -> " + exchange.statusLine();
        String text = formatter.format(exchange);
        if (inAllureTest) {
            lifecycle.addAttachment(name, "text/plain", ".txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        sinks.forEach(sink -> sink.accept(name, text));
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

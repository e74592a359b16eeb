package dev.dataversebdd.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where every request/response pair goes, redacted, once per report: attached to the running Allure test (nothing
 * outside one, so the DSL works with or without Allure), to Cucumber's own scenario when the glue gives it (so
 * {@code cucumber.html} and its JSON show them too), and to any other sink a session adds.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Evidence implements Consumer<RecordedExchange> {

    private static final int BODY_LIMIT = 64 * 1024;
    /** Allure's Cucumber plugin: it turns every attachment of a scenario into an attachment of its Allure test. */
    private static final String ALLURE_CUCUMBER_PLUGIN = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm";

    private final ExchangeFormatter formatter;
    private final boolean allureHearsScenarios;
    private final List<BiConsumer<String, String>> sinks = new CopyOnWriteArrayList<>();
    private volatile boolean toScenario;

    public Evidence(Redactor redactor) {
        this(redactor, isPresent(ALLURE_CUCUMBER_PLUGIN));
    }

    /** @param allureHearsScenarios whether what the scenario attaches reaches Allure by itself */
    Evidence(Redactor redactor, boolean allureHearsScenarios) {
        this.formatter = new ExchangeFormatter(redactor, BODY_LIMIT, true);
        this.allureHearsScenarios = allureHearsScenarios;
    }

    /** Also sends every exchange (its name, its redacted text) to {@code sink}. */
    public void alsoTo(BiConsumer<String, String> sink) {
        sinks.add(sink);
    }

    /**
     * Sends every exchange to Cucumber's scenario ({@code attach} takes its name and redacted text). Allure's Cucumber
     * plugin, when it is on the class path, makes an Allure attachment of everything a scenario attaches: the exchange
     * then reaches Allure that way only, instead of a second time from here.
     */
    public void toScenario(BiConsumer<String, String> attach) {
        sinks.add(attach);
        toScenario = true;
    }

    @Override
    public void accept(RecordedExchange exchange) {
        boolean toAllure = inAllureTest() && !(toScenario && allureHearsScenarios);
        if (!toAllure && sinks.isEmpty()) {
            return;
        }
        String name = exchange.method() + " " + shortTarget(exchange.target()) + " -> " + exchange.statusLine();
        String text = formatter.format(exchange);
        if (toAllure) {
            Allure.getLifecycle().addAttachment(name, "text/plain", ".txt", text.getBytes(StandardCharsets.UTF_8));
        }
        sinks.forEach(sink -> sink.accept(name, text));
    }

    /** A short text note in the running Allure test (e.g. the behaviour a live org showed); nothing outside one. */
    public void note(String name, String text) {
        if (inAllureTest()) {
            Allure.getLifecycle().addAttachment(name, "text/plain", ".txt", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean inAllureTest() {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        return lifecycle.getCurrentTestCaseOrStep().isPresent();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Evidence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static String shortTarget(String target) {
        int api = target.indexOf("/api/data/");
        String rest = api < 0 ? target : target.substring(api + "/api/data/".length());
        return rest.length() > 120 ? rest.substring(0, 120) + "..." : rest;
    }
}

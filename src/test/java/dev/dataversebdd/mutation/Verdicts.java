package dev.dataversebdd.mutation;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Cucumber plugin that writes each scenario's result to a file ({@code dev.dataversebdd.mutation.Verdicts:FILE}),
 * one line each: {@code STATUS <tab> features/…feature:line <tab> scenario name}; {@link #read} reads it back.
 * Scenario names, not display names: they are what {@code cucumber.filter.name} selects by.
 */
public final class Verdicts implements ConcurrentEventListener {

    /** One scenario's result. */
    record Verdict(Status status, String location, String scenario) {
        boolean failed() {
            return status == Status.FAILED || status == Status.AMBIGUOUS || status == Status.UNDEFINED;
        }
    }

    /** The scenario running now, for the proxy to tell whose requests it sees (scenarios run one at a time). */
    private static volatile String current = "";

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    public Verdicts(String file) {
        this.file = Path.of(file);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, started -> current = started.getTestCase().getName());
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, done -> write());
    }

    private synchronized void finished(TestCaseFinished event) {
        String uri = event.getTestCase().getUri().toString();
        int features = uri.indexOf("features/");
        String location = (features < 0 ? uri : uri.substring(features)) + ":" + event.getTestCase().getLocation().getLine();
        lines.add(event.getResult().getStatus() + "\t" + location + "\t" + event.getTestCase().getName());
    }

    private synchronized void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String currentScenario() {
        return current;
    }

    static List<Verdict> read(Path file) throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t", 3);
            verdicts.add(new Verdict(Status.valueOf(parts[0]), parts[1], parts[2]));
        }
        return verdicts;
    }
}

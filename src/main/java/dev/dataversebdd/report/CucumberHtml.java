package dev.dataversebdd.report;

import io.cucumber.htmlformatter.MessagesToHtmlWriter;
import io.cucumber.messages.ndjson.Serializer;
import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Cucumber's HTML report, with every feature named by its path in the project ({@code
 * features/associate/one-to-many.feature}) instead of the absolute {@code file:///} URI Cucumber gives features it
 * reads from disk. A Cucumber plugin, used in place of {@code html:}, as in
 * {@code cucumber.plugin=dev.dataversebdd.report.CucumberHtml:target/cucumber/cucumber.html}.
 * The project is the working directory, as for Cucumber's own JSON report; a feature outside it keeps its URI, and a
 * path with characters a URI escapes keeps them escaped ({@code my%20features/x.feature}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class CucumberHtml implements ConcurrentEventListener {

    private final MessagesToHtmlWriter writer;
    private final String projectUri;
    private final Serializer messages = new Serializer();

    public CucumberHtml(OutputStream out) {
        this(out, Path.of("").toAbsolutePath());
    }

    CucumberHtml(OutputStream out, Path project) {
        String uri = project.toAbsolutePath().normalize().toUri().toString();
        this.projectUri = uri.endsWith("/") ? uri : uri + "/";
        this.writer = MessagesToHtmlWriter.builder(this::writeValue).build(out);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(Envelope.class, this::write);
    }

    private void write(Envelope envelope) {
        try {
            writer.write(envelope);
            if (envelope.getTestRunFinished().isPresent()) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Cucumber's HTML report", e);
        }
    }

    /**
     * The message as Cucumber writes it, with the project's own {@code file:///} prefix taken off wherever it names a
     * feature: the URI of its source, document and pickles, and the {@code feature:line} frames Cucumber adds to a
     * failed step's stack trace. Attachments stay as they were recorded: they are evidence.
     */
    private void writeValue(Writer out, Envelope envelope) throws IOException {
        StringWriter json = new StringWriter();
        messages.writeValue(json, envelope);
        out.write(envelope.getAttachment().isPresent() ? json.toString() : json.toString().replace(projectUri, ""));
    }
}

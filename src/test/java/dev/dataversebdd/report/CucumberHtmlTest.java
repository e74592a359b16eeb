package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.cucumber.messages.types.Attachment;
import io.cucumber.messages.types.AttachmentContentEncoding;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Source;
import io.cucumber.messages.types.SourceMediaType;
import io.cucumber.messages.types.TestRunFinished;
import io.cucumber.messages.types.Timestamp;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CucumberHtmlTest {

    private static final Path PROJECT = Path.of("/work/project");

    /** The page written for {@code envelopes}, as Cucumber would send them to the plugin. */
    private static String pageFor(List<Envelope> envelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Publisher publisher = new Publisher();
        new CucumberHtml(out, PROJECT).setEventPublisher(publisher);
        envelopes.forEach(publisher.handler::receive);
        publisher.handler.receive(Envelope.of(new TestRunFinished(null, true, new Timestamp(1L, 0L), null, null)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Envelope source(String uri) {
        return Envelope.of(new Source(uri, "Feature: x\n", SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN));
    }

    @Test
    void should_name_a_feature_of_the_project_by_its_path_in_it() {
        // WHEN a feature of the project is reported
        String page = pageFor(List.of(source("file:///work/project/features/associate/one-to-many.feature")));
        // THEN the page names it by its path in the project
        assertThat(page, containsString("\"uri\":\"features/associate/one-to-many.feature\""));
        assertThat(page, not(containsString("file:///")));
    }

    @Test
    void should_keep_the_uri_of_a_feature_elsewhere() {
        // WHEN features outside the project are reported: a sibling folder that starts with the same name, a jar's
        String page = pageFor(List.of(source("file:///work/project-other/x.feature"),
                source("classpath:dev/dataversebdd/features/x.feature")));
        // THEN they keep their URIs
        assertThat(page, containsString("\"uri\":\"file:///work/project-other/x.feature\""));
        assertThat(page, containsString("\"uri\":\"classpath:dev/dataversebdd/features/x.feature\""));
    }

    @Test
    void should_keep_an_attachment_as_it_was_recorded() {
        // WHEN an attachment that happens to name the project's folder is reported
        String page = pageFor(List.of(Envelope.of(new Attachment("see file:///work/project/pom.xml",
                AttachmentContentEncoding.IDENTITY, "note", "text/plain", null, null, null, null, null, null, null))));
        // THEN its text is the evidence as it was
        assertThat(page, containsString("see file:///work/project/pom.xml"));
    }

    private static final class Publisher implements EventPublisher {

        private EventHandler<Envelope> handler;

        @Override
        @SuppressWarnings("unchecked")
        public <T> void registerHandlerFor(Class<T> eventType, EventHandler<T> handler) {
            this.handler = (EventHandler<Envelope>) handler;
        }

        @Override
        public <T> void removeHandlerFor(Class<T> eventType, EventHandler<T> handler) {
        }
    }
}

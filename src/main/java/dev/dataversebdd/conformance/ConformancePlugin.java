package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A Cucumber plugin that writes the conformance matrix of a run: {@code matrix.json} and {@code matrix.html} in the
 * folder it is given ({@code dev.dataversebdd.conformance.ConformancePlugin:reports/conformance}), and, when the run
 * went to a live org, {@code behaviour-profile.properties}. It reads the record the glue attaches to each scenario
 * ({@link #RECORD_NAME}) and Cucumber's own events; scenarios that attached none are listed too, with no cells.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ConformancePlugin implements ConcurrentEventListener {

    /** The name and media type of the attachment that carries a scenario's record. */
    public static final String RECORD_NAME = "dataverse-bdd conformance record";
    public static final String RECORD_MEDIA_TYPE = "application/vnd.dataverse-bdd.conformance+json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SOURCE_ID = Pattern.compile("\\b([DQOI]\\d{1,2})\\b");

    private final Path folder;
    private final Map<URI, List<String>> featureSources = new ConcurrentHashMap<>();
    private final Map<UUID, JsonNode> records = new ConcurrentHashMap<>();
    private final Map<UUID, ScenarioRun> finished = new ConcurrentHashMap<>();

    public ConformancePlugin() {
        this("reports/conformance");
    }

    public ConformancePlugin(String folder) {
        this.folder = Path.of(folder).toAbsolutePath();
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceRead.class, e -> featureSources.put(e.getUri(), sourcesOf(e.getSource())));
        publisher.registerHandlerFor(EmbedEvent.class, this::onAttachment);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> write());
    }

    private void onAttachment(EmbedEvent event) {
        if (RECORD_NAME.equals(event.getName())) {
            try {
                records.put(event.getTestCase().getId(), JSON.readTree(event.getData()));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable conformance record of " + event.getTestCase().getName(), e);
            }
        }
    }

    private void onFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<String> sources = new ArrayList<>(featureSources.getOrDefault(testCase.getUri(), List.of()));
        for (String id : sourcesOf(testCase.getName())) {
            if (!sources.contains(id)) {
                sources.add(id);
            }
        }
        finished.put(testCase.getId(), new ScenarioRun(testCase.getName(), location(testCase), List.copyOf(testCase.getTags()),
                sources, event.getResult().getStatus().name(), records.get(testCase.getId())));
    }

    private void write() {
        List<ScenarioRun> runs = new ArrayList<>(finished.values());
        runs.sort(Comparator.comparing(ScenarioRun::location, Comparator.comparing(ConformancePlugin::sortKey)));
        String product = "dataverse-bdd " + version();
        ConformanceMatrix matrix = new ConformanceMatrix(runs, product);
        try {
            Files.createDirectories(folder);
            ObjectNode json = matrix.toJson();
            String html = MatrixHtml.render(matrix, product, this::link);
            Files.writeString(folder.resolve("matrix.json"), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("matrix.html"), html, StandardCharsets.UTF_8);
            String allureResults = System.getProperty("allure.results.directory");
            if (allureResults != null) {
                AllureMatrix.write(Path.of(allureResults), json, html);
            }
            Path profile = folder.resolve("behaviour-profile.properties");
            if (matrix.target().path("live").asBoolean()) {
                BehaviourProfileFile.write(profile, BehaviourProfileFile.observedModes(runs),
                        matrix.target().path("host").asText(), matrix.date(), product);
            } else {
                Files.deleteIfExists(profile); // an emulator run learns nothing about an org
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance matrix to " + folder, e);
        }
    }

    /** The href of a scenario's feature file from the matrix's folder (so both can move together). */
    private String link(String location) {
        String file = location.replaceFirst(":\\d+$", "");
        Path feature = Path.of(file).toAbsolutePath();
        return folder.relativize(feature).toString().replace('\\', '/');
    }

    private static String location(TestCase testCase) {
        URI uri = testCase.getUri();
        String path = uri.getScheme() != null && uri.getScheme().equals("file")
                ? Path.of("").toAbsolutePath().relativize(Path.of(uri)).toString().replace('\\', '/')
                : uri.getSchemeSpecificPart().replaceFirst("^dev/dataversebdd/", ""); // the suite packaged in the jar
        return path + ":" + testCase.getLocation().getLine();
    }

    /** {@code features/a.feature:9} before {@code features/a.feature:10}. */
    private static String sortKey(String location) {
        int colon = location.lastIndexOf(':');
        return location.substring(0, colon) + String.format(":%08d", Integer.parseInt(location.substring(colon + 1)));
    }

    /** The source ids (D1, Q3, O1, I5) a feature's description cites, before its first scenario or background. */
    static List<String> sourcesOf(String text) {
        String head = text;
        Matcher firstScenario = Pattern.compile("(?m)^\\s*(Background:|Scenario|Rule:|@)").matcher(text);
        if (text.contains("Feature:") && firstScenario.find(text.indexOf("Feature:"))) {
            head = text.substring(0, firstScenario.start());
        }
        Set<String> ids = new TreeSet<>(Comparator.comparing((String id) -> id.charAt(0))
                .thenComparingInt(id -> Integer.parseInt(id.substring(1))));
        Matcher m = SOURCE_ID.matcher(head);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    private static String version() {
        String version = ConformancePlugin.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}

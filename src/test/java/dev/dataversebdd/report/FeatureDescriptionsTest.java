package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Location;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Descriptions (the free text under Feature:, Rule:, Scenario:, Background: and Examples:) are Markdown in both
 * reports, Cucumber's HTML and Allure's, and Markdown passes {@code <row URL>} on as an HTML tag that the browser does
 * not show: the text disappears. Written in a code span, {@code `<row URL>`}, it shows. Names and steps are text,
 * not Markdown, so an outline's {@code <mode>} there is fine.
 */
class FeatureDescriptionsTest {

    /** A code span: a run of backticks, anything, the same run again. */
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`).+?(?<!`)\\1(?!`)", Pattern.DOTALL);
    /** What CommonMark reads as raw HTML: an opening or closing tag, a comment, a declaration, an instruction. */
    private static final Pattern RAW_HTML = Pattern.compile("<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\\s/>])|![A-Za-z-]|\\?)[^>\\n]*>?");

    /** The bare tags of a description, outside code spans. */
    static List<String> bareTags(String description) {
        String outsideCode = CODE_SPAN.matcher(description).replaceAll(" ");
        List<String> tags = new ArrayList<>();
        Matcher tag = RAW_HTML.matcher(outsideCode);
        while (tag.find()) {
            tags.add(tag.group());
        }
        return tags;
    }

    @Test
    void should_find_a_bare_tag_outside_a_code_span_only() {
        assertThat(bareTags("POST {parent}/$ref and {\"@odata.id\": \"<row URL>\"}"), contains("<row URL>"));
        assertThat(bareTags("name the row with ?$id=<row URL> or with </b> and <!-- this -->"),
                contains("<row URL>", "</b>", "<!-- this -->"));
        assertThat(bareTags("`{\"@odata.id\": \"<row URL>\"}` and ``a `<x>` b``"), empty());
        assertThat(bareTags("a < b, 1<2, <https://learn.microsoft.com/power-apps/> and x -> y"), empty());
    }

    @Test
    void should_keep_every_description_in_features_visible_in_the_reports() throws IOException {
        // WHEN every description of every feature file is read as Cucumber parses it
        List<String> hidden = new ArrayList<>();
        List<Path> features;
        try (Stream<Path> walk = Files.walk(Path.of("features"))) {
            features = walk.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
        }
        for (Path feature : features) {
            GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false).build();
            try (Stream<Envelope> messages = parser.parse(feature)) {
                messages.flatMap(m -> m.getGherkinDocument().flatMap(d -> d.getFeature()).stream())
                        .forEach(f -> descriptions(f).forEach(d -> bareTags(d.text()).forEach(tag ->
                                hidden.add(feature + ":" + d.line() + ": the description has " + tag + "; write it as `" + tag + "`"))));
            }
        }
        // THEN none holds text that Markdown would take for HTML
        assertThat(features.size(), greaterThan(10));
        assertThat(hidden, empty());
    }

    private record Description(long line, String text) {
        Description(Location keyword, String text) {
            this(keyword.getLine(), text);
        }
    }

    private static List<Description> descriptions(Feature feature) {
        List<Description> all = new ArrayList<>(List.of(new Description(feature.getLocation(), feature.getDescription())));
        for (FeatureChild child : feature.getChildren()) {
            child.getBackground().ifPresent(b -> all.add(new Description(b.getLocation(), b.getDescription())));
            child.getScenario().ifPresent(s -> all.addAll(descriptions(s)));
            child.getRule().ifPresent(rule -> {
                all.add(new Description(rule.getLocation(), rule.getDescription()));
                for (RuleChild inRule : rule.getChildren()) {
                    inRule.getBackground().ifPresent(b -> all.add(new Description(b.getLocation(), b.getDescription())));
                    inRule.getScenario().ifPresent(s -> all.addAll(descriptions(s)));
                }
            });
        }
        return all;
    }

    private static List<Description> descriptions(Scenario scenario) {
        List<Description> all = new ArrayList<>(List.of(new Description(scenario.getLocation(), scenario.getDescription())));
        scenario.getExamples().forEach(e -> all.add(new Description(e.getLocation(), e.getDescription())));
        return all;
    }
}

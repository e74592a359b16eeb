package dev.dataversebdd.steps;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The steps written in the feature files, read with Cucumber's own Gherkin parser: the text Cucumber matches (a
 * Scenario Outline's steps with their Examples filled in), and the lines as written, with their table or doc string.
 */
final class FeatureSteps {

    /**
     * One step of a feature file. {@code text} is what Cucumber matches; {@code argument} is "data table", "doc
     * string" or null; {@code lines} the step as written from its keyword on, with its data table or doc string;
     * {@code fromOutline} when the text was filled in from Examples.
     */
    record FeatureStep(String location, String text, String argument, List<String> lines, boolean fromOutline) {
    }

    private FeatureSteps() {
    }

    /** Every step of every {@code .feature} file under {@code root}, files in path order, steps in line order. */
    static List<FeatureStep> read(Path projectRoot, Path root) {
        try (Stream<Path> files = Files.walk(projectRoot.resolve(root))) {
            List<Path> features = files.filter(f -> f.toString().endsWith(".feature"))
                    .map(projectRoot::relativize)
                    .sorted((a, b) -> slashes(a).compareTo(slashes(b)))
                    .toList();
            List<FeatureStep> steps = new ArrayList<>();
            for (Path feature : features) {
                steps.addAll(readFile(projectRoot, feature));
            }
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature files under " + root, e);
        }
    }

    private static List<FeatureStep> readFile(Path projectRoot, Path feature) throws IOException {
        List<String> fileLines = Files.readAllLines(projectRoot.resolve(feature), StandardCharsets.UTF_8);
        GherkinParser parser = GherkinParser.builder().includeSource(false).build();
        List<Envelope> envelopes = parser.parse(projectRoot.resolve(feature)).toList();
        Map<String, Step> astSteps = new HashMap<>();
        for (Envelope envelope : envelopes) {
            envelope.getParseError().ifPresent(error -> {
                throw new IllegalStateException(slashes(feature) + ": " + error.getMessage());
            });
            envelope.getGherkinDocument().flatMap(d -> d.getFeature()).ifPresent(f -> {
                for (FeatureChild child : f.getChildren()) {
                    child.getBackground().ifPresent(b -> b.getSteps().forEach(s -> astSteps.put(s.getId(), s)));
                    child.getScenario().ifPresent(s -> collect(s, astSteps));
                    child.getRule().ifPresent(r -> {
                        for (RuleChild ruleChild : r.getChildren()) {
                            ruleChild.getBackground().ifPresent(b -> b.getSteps().forEach(s -> astSteps.put(s.getId(), s)));
                            ruleChild.getScenario().ifPresent(s -> collect(s, astSteps));
                        }
                    });
                }
            });
        }
        Map<String, FeatureStep> steps = new LinkedHashMap<>();
        for (Envelope envelope : envelopes) {
            Pickle pickle = envelope.getPickle().orElse(null);
            if (pickle == null) {
                continue;
            }
            for (PickleStep pickleStep : pickle.getSteps()) {
                Step step = astSteps.get(pickleStep.getAstNodeIds().get(0));
                boolean fromOutline = pickleStep.getAstNodeIds().size() > 1;
                String location = slashes(feature) + ":" + step.getLocation().getLine();
                steps.putIfAbsent(location + "\n" + pickleStep.getText(), new FeatureStep(location, pickleStep.getText(),
                        step.getDataTable().isPresent() ? "data table" : step.getDocString().isPresent() ? "doc string" : null,
                        asWritten(fileLines, step, fromOutline ? pickleStep.getText() : null), fromOutline));
            }
        }
        return steps.values().stream()
                .sorted((a, b) -> Long.compare(line(a.location()), line(b.location())))
                .toList();
    }

    private static void collect(Scenario scenario, Map<String, Step> astSteps) {
        scenario.getSteps().forEach(s -> astSteps.put(s.getId(), s));
    }

    /** The step's lines from the file, the step's own indentation removed; an Outline's step line filled in. */
    private static List<String> asWritten(List<String> file, Step step, String filledIn) {
        int first = step.getLocation().getLine().intValue() - 1;
        int last = first;
        if (step.getDataTable().isPresent()) {
            List<io.cucumber.messages.types.TableRow> rows = step.getDataTable().get().getRows();
            last = rows.get(rows.size() - 1).getLocation().getLine().intValue() - 1;
        } else if (step.getDocString().isPresent()) {
            String delimiter = step.getDocString().get().getDelimiter();
            last = step.getDocString().get().getLocation().getLine().intValue();
            while (last < file.size() - 1 && !file.get(last).strip().equals(delimiter)) {
                last++;
            }
        }
        String line = file.get(first);
        int indent = line.length() - line.stripLeading().length();
        List<String> lines = new ArrayList<>();
        lines.add(filledIn == null ? line.strip() : step.getKeyword() + filledIn);
        for (int i = first + 1; i <= last; i++) {
            String next = file.get(i);
            int cut = Math.min(indent, next.length() - next.stripLeading().length());
            lines.add(next.substring(cut).stripTrailing());
        }
        return lines;
    }

    private static long line(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf(':') + 1));
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}

package dev.dataversebdd.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.dataversebdd.steps.StepReference.ParameterTypeDoc;
import dev.dataversebdd.steps.StepReference.StepDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The step reference (src/site/markdown/steps.md for readers, steps.json in the jar for tools) is what the glue and
 * features/ give today. With {@code -Dsteps.reference.write=true} it rewrites both files first: the command is
 * {@value StepReference#REGENERATE}.
 */
class StepReferenceTest {

    private static final Path PAGE = Path.of("src/site/markdown/steps.md");
    private static final Path JSON = Path.of("src/main/resources/dev/dataversebdd/steps/steps.json");
    private static final boolean WRITE = Boolean.getBoolean("steps.reference.write");

    private static StepReference reference;

    @BeforeAll
    static void readTheGlue() {
        reference = StepReference.read(Path.of(""));
    }

    @Test
    void should_match_the_committed_page() throws IOException {
        // GIVEN the page as committed
        String committed = Files.readString(PAGE, StandardCharsets.UTF_8).replace("\r\n", "\n");
        // WHEN its generated part is made again from the glue and features/
        String generated = StepReferencePage.withGeneratedPart(committed, reference);
        if (WRITE) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        // THEN nothing changed
        assertCurrent(PAGE, committed, generated);
    }

    @Test
    void should_match_the_committed_json() throws IOException {
        // GIVEN the JSON made from the glue and features/
        String generated = StepReferenceJson.write(reference);
        if (WRITE) {
            Files.createDirectories(JSON.getParent());
            Files.writeString(JSON, generated, StandardCharsets.UTF_8);
        }
        // WHEN the committed one is read
        String committed = Files.readString(JSON, StandardCharsets.UTF_8).replace("\r\n", "\n");
        // THEN it is the same
        assertCurrent(JSON, committed, generated);
    }

    @Test
    void should_find_an_example_in_the_features_for_every_step() {
        // WHEN every step is matched against the lines of features/
        List<String> missing = reference.withoutExample().stream().map(StepReference::describe).toList();
        // THEN each one has a line that uses it
        assertThat(missing.size() + " steps that no line of features/ uses; add a scenario that shows each one:\n  "
                + String.join("\n  ", missing) + "\n", missing, empty());
    }

    @Test
    void should_describe_every_parameter_type_of_the_library() {
        // WHEN the library's own parameter types are listed
        List<String> undescribed = reference.parameterTypes().stream()
                .filter(t -> t.definedBy().startsWith(StepReference.GLUE) && t.description().isEmpty())
                .map(ParameterTypeDoc::definedBy).toList();
        // THEN each one says what it means (its Javadoc), since the reference shows nothing else for it
        assertThat("@ParameterType methods without Javadoc", undescribed, empty());
    }

    @Test
    void should_match_the_example_with_cucumbers_own_expression_and_parameter_types() {
        // WHEN the associate step is looked up
        StepDoc associate = reference.steps().stream()
                .filter(s -> s.expression().equals("{row} is added to the {nav} of {row}")).findFirst().orElseThrow();
        // THEN its parameters are the library's types, with the values Cucumber matched in the example line
        assertThat(associate.parameters().stream().map(p -> p.type() + " " + p.name() + " = " + p.exampleValue())
                .toList(), contains(startsWith("row row = "), startsWith("nav navigation = "), startsWith("row parent = ")));
        assertThat(associate.example().lines().get(0), matchesPattern(
                "(When|And|But|\\*) [a-z_]+ \"[^\"]+\" is added to the [a-z_]+ of [a-z_]+ \"[^\"]+\""));
    }

    @Test
    void should_read_parameter_type_names_and_skip_escaped_braces() {
        // WHEN the names of an expression with an escaped brace are read
        List<String> names = StepReference.parameterTypes("the {nav} of {row} is \\{literal} {int} time(s)");
        // THEN the escaped one is text, not a parameter
        assertThat(names, contains("nav", "row", "int"));
    }

    private static void assertCurrent(Path file, String committed, String generated) {
        if (committed.equals(generated)) {
            return;
        }
        List<String> before = committed.lines().toList();
        List<String> after = generated.lines().toList();
        int line = 0;
        while (line < before.size() && line < after.size() && before.get(line).equals(after.get(line))) {
            line++;
        }
        throw new AssertionFailedError(file + " is not what the glue and features/ give (first difference at line "
                + (line + 1) + "); after a change to the steps or to features/, regenerate it with\n  "
                + StepReference.REGENERATE + "\nand review the diff", committed, generated);
    }
}

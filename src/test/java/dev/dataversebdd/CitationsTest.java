package dev.dataversebdd;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project stands on its own: every source a document, scenario or class cites (D3, O1, I5, E12, …) resolves to
 * an entry of src/site/markdown/sources.md, which links the Microsoft Learn page, the OData text or the public issue.
 */
class CitationsTest {

    private static final Pattern CITATION = Pattern.compile("(?<![\\w#/.%-])([DOICBQ]\\d{1,2}|E\\d{1,2})(?![\\w-])");
    private static final Pattern DEFINED = Pattern.compile("^\\| ([A-Z]\\d{1,2}) \\|", Pattern.MULTILINE);
    private static final int ERROR_CATALOGUE_SIZE = 20;

    @Test
    void should_resolve_every_citation_to_a_source_in_the_repository() throws IOException {
        Set<String> defined = new HashSet<>();
        Matcher d = DEFINED.matcher(Files.readString(Path.of("src/site/markdown/sources.md"), StandardCharsets.UTF_8));
        while (d.find()) {
            defined.add(d.group(1));
        }
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : files()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher c = CITATION.matcher(lines.get(i));
                while (c.find()) {
                    citations++;
                    String id = c.group(1);
                    boolean catalogue = id.startsWith("E") && Integer.parseInt(id.substring(1)) <= ERROR_CATALOGUE_SIZE;
                    if (!defined.contains(id) && !catalogue) {
                        unresolved.add(file + ":" + (i + 1) + " cites " + id);
                    }
                }
            }
        }
        assertThat(citations, greaterThan(100));
        assertThat(unresolved, empty());
    }

    /** A relative path such as {@code ../x/y.md}, not the {@code .../} of an elided URL. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?<![.\\w])\\.\\./[\\w./-]+");

    /** Every relative path a tracked file names resolves inside the repository: users have nothing beside it. */
    @Test
    void should_refer_to_nothing_outside_the_repository() throws IOException {
        Path repository = Path.of("").toAbsolutePath().normalize();
        List<String> outside = new ArrayList<>();
        for (Path file : files()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher path = RELATIVE_PATH.matcher(lines.get(i));
                while (path.find()) {
                    Path target = file.toAbsolutePath().getParent().resolve(path.group()).normalize();
                    if (!target.startsWith(repository)) {
                        outside.add(file + ":" + (i + 1) + " " + path.group());
                    }
                }
            }
        }
        assertThat(outside, empty());
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("pom.xml")));
        for (String root : List.of("src/main", "src/test", "src/site", "features")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(f -> f.toString().matches(".*\\.(java|feature|md|xml)$"))
                        .filter(f -> !f.endsWith("CitationsTest.java")).forEach(files::add);
            }
        }
        return files;
    }
}

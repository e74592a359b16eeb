package dev.dataversebdd.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The failure categories of Allure's Categories tab, written as {@code categories.json} into the results folder when
 * Allure starts its first test of the run (a listener Allure finds through {@code META-INF/services}), whatever runs
 * the tests: the Cucumber glue, the JUnit 5 extension, or a program of the DSL's own. Each category matches the first
 * line that the library's failures of that kind start with (Allure matches the whole message, or trace, with
 * {@link java.util.regex.Pattern#DOTALL}), and no two match the same failure. A project that puts its own
 * {@code categories.json} there keeps it.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureCategories implements TestLifecycleListener {

    /** What Allure reads from a results folder. */
    public static final String FILE_NAME = "categories.json";

    private static final System.Logger LOG = System.getLogger(AllureCategories.class.getName());
    private static final String MARK = "dataverse-bdd: ";
    private static final List<String> FAILED_OR_BROKEN = List.of("failed", "broken");
    private static final String NOT_READ_BACK = "(?!read-back failed: )";
    private static final Set<Path> WRITTEN = ConcurrentHashMap.newKeySet();

    /** One category: a name, and what it matches (a null regex matches anything). */
    public record Category(String name, String description, String messageRegex, String traceRegex) {
    }

    /** The categories, in the order the report lists them. */
    public static final List<Category> CATEGORIES = categories();

    private static List<Category> categories() {
        List<Category> named = List.of(
                new Category("Wrong status", "a check expected one status and the target answered another, without an "
                        + "error in its body: `associate failed: expected 204 No Content but was 200 OK`",
                        NOT_READ_BACK + "[^\\n]+ failed: expected [^\\n]* but was \\d{3}\\b[^\\n]*(?:\\n(?!Dataverse error )[^\\n]*)*",
                        null),
                new Category("Dataverse error", "the target answered with a Dataverse error that the check did not "
                        + "expect (the message's `Dataverse error 0x...:` line decodes it)",
                        NOT_READ_BACK + "[^\\n]+ failed: expected [^\\n]* but was [^\\n]*\\n(?:.*\\n)?Dataverse error .*",
                        null),
                new Category("Read-back mismatch", "the request was answered as expected, but reading the rows back "
                        + "showed something else: `read-back failed: expected ... but was ...`",
                        "read-back failed: .*", null),
                new Category("Live-safety refusal", "the library refused to send a request, before sending it: the "
                        + "live-safety guard (a row the run did not create) or the one-origin rule: `refusing to send ...`",
                        "refusing to send .*", null),
                new Category("Configuration", "the run's settings or credentials (a ConfigurationException or an "
                        + "AuthenticationException): a missing or wrong dataverse.* setting, a token refused",
                        null, "(?:.*\\n)?(?:Caused by: )?dev\\.dataversebdd\\.targets\\.(?:Configuration|Authentication)"
                                + "Exception: .*"));
        String noMessage = named.stream().filter(c -> c.messageRegex() != null)
                .map(c -> "(?!(?:" + c.messageRegex() + ")\\z)").collect(Collectors.joining()) + ".*";
        String noTrace = named.stream().filter(c -> c.traceRegex() != null)
                .map(c -> "(?!(?:" + c.traceRegex() + ")\\z)").collect(Collectors.joining()) + ".*";
        return Stream.concat(named.stream(), Stream.of(new Category("Other failures",
                "a failure none of the categories above describes, such as a misspelt row alias in a step",
                noMessage, noTrace))).toList();
    }

    @Override
    public void beforeTestSchedule(TestResult result) {
        Path folder = Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory",
                "allure-results"));
        if (WRITTEN.add(folder.toAbsolutePath().normalize())) {
            try {
                write(folder);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dataverse-bdd: cannot write the Allure categories to " + folder
                        + ": " + e);
            }
        }
    }

    /** Writes {@code categories.json} into {@code folder}, unless a file there that this library did not write. */
    static void write(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).contains(MARK)) {
            return;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, FILE_NAME, ".part");
        Files.writeString(partial, json(), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String json() {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode list = mapper.createArrayNode();
        for (Category category : CATEGORIES) {
            ObjectNode entry = list.addObject();
            entry.put("name", category.name());
            entry.put("description", MARK + category.description());
            if (category.messageRegex() != null) {
                entry.put("messageRegex", category.messageRegex());
            }
            if (category.traceRegex() != null) {
                entry.put("traceRegex", category.traceRegex());
            }
            FAILED_OR_BROKEN.forEach(entry.putArray("matchedStatuses")::add);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

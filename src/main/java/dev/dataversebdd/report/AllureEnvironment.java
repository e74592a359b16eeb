package dev.dataversebdd.report;

import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * Writes {@code environment.properties} into the Allure results folder, so that the report's overview says what ran
 * where (target kind, host, API version, switched behaviours). Only when the run writes Allure results, so that a
 * project without Allure gets no stray folder.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AllureEnvironment {

    private static final String RESULTS_DIRECTORY = "allure.results.directory";

    private AllureEnvironment() {
    }

    /** Records {@code facts} for the report; a later connection in the same run replaces them. */
    public static void describe(Map<String, String> facts, Redactor redactor) {
        Map<String, String> shown = new LinkedHashMap<>();
        facts.forEach((name, value) -> shown.put(name, redactor.text(value)));
        resultsDirectory().ifPresent(folder -> write(folder.resolve("environment.properties"), shown));
    }

    /** The folder Allure writes to, when the run configured one (system property or {@code allure.properties}). */
    static Optional<Path> resultsDirectory() {
        return Optional.ofNullable(PropertiesUtils.loadAllureProperties().getProperty(RESULTS_DIRECTORY))
                .filter(name -> !name.isBlank()).map(Path::of);
    }

    static void write(Path file, Map<String, String> facts) {
        Properties properties = new Properties();
        facts.forEach(properties::setProperty);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) { // ISO-8859-1 with escapes, as Allure reads it
                properties.store(out, "what this run ran against, for Allure's Environment widget");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure environment to " + file, e);
        }
    }
}

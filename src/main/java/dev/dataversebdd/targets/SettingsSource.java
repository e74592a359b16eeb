package dev.dataversebdd.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One place settings are read from: system properties, environment variables, or a properties file on the test
 * classpath. {@code names} are the {@code dataverse.*} names the source holds, checked for misspellings; a source
 * that cannot list its names exactly (the environment, whose names lose their dots) gives none.
 */
record SettingsSource(String where, Function<String, String> lookup, Set<String> names, boolean copiedIntoTarget) {

    static SettingsSource systemProperties(Function<String, String> lookup) {
        Set<String> names = new TreeSet<>();
        System.getProperties().stringPropertyNames().stream().filter(Settings::isDataverseName).forEach(names::add);
        return new SettingsSource("system property", lookup, names, false);
    }

    static SettingsSource environment(Map<String, String> environment) {
        return new SettingsSource("environment variable", name -> environment.get(Settings.environmentName(name)),
                Set.of(), false);
    }

    /**
     * A properties file on the classpath (the first one found, as JUnit does with {@code junit-platform.properties}),
     * or nothing. The build copies such files into {@code target/}, so they may not hold secrets.
     */
    static Optional<SettingsSource> classpathFile(String resource) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SettingsSource.class.getClassLoader());
        URL url = loader.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("Cannot read " + resource + " from the classpath (" + url + "): "
                    + e.getMessage() + ". Fix or remove the file.");
        }
        Set<String> names = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(Settings::isDataverseName).forEach(names::add);
        return Optional.of(new SettingsSource(resource + " on the classpath", properties::getProperty, names, true));
    }
}

package dev.dataversebdd.junit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietSlf4jSessionListenerTest {

    @Test
    void should_see_a_provider_only_where_one_is_declared(@TempDir Path classpath) throws Exception {
        // WHEN the classpath declares no SLF4J provider THEN none is seen
        try (URLClassLoader empty = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            assertThat(QuietSlf4jSessionListener.hasProvider(empty), equalTo(false));
        }
        // WHEN it declares one THEN it is seen
        Path services = Files.createDirectories(classpath.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.slf4j.spi.SLF4JServiceProvider"), "org.slf4j.simple.SimpleServiceProvider\n");
        try (URLClassLoader withProvider = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            assertThat(QuietSlf4jSessionListener.hasProvider(withProvider), equalTo(true));
        }
    }
}

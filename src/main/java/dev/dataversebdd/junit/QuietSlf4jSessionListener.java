package dev.dataversebdd.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps SLF4J's "No SLF4J providers were found" warning out of a consumer's console. The emulator's Jetty and
 * Allure log through SLF4J; a test project that chose no logging backend gets SLF4J's no-operation logger either
 * way, and the three-line warning about it on every run says nothing it can act on. So, only when no provider is on
 * the classpath and the consumer set no SLF4J property, SLF4J's own messages are limited to errors. A consumer who
 * adds a backend (slf4j-simple, Logback, ...) gets its logs as usual: no binding is forced on anyone.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class QuietSlf4jSessionListener implements LauncherSessionListener {

    static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final String PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(VERBOSITY) == null && System.getProperty("slf4j.provider") == null
                && !hasProvider(Thread.currentThread().getContextClassLoader())) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }

    static boolean hasProvider(ClassLoader loader) {
        try {
            ClassLoader searched = loader != null ? loader : QuietSlf4jSessionListener.class.getClassLoader();
            return searched.getResources(PROVIDERS).hasMoreElements();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for SLF4J providers", e);
        }
    }
}

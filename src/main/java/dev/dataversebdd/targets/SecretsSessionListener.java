package dev.dataversebdd.targets;

import dev.dataversebdd.report.Redactor;
import dev.dataversebdd.report.ReportScrubber;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Registered with the JUnit Platform through {@code META-INF/services}, so every test run that has dataverse-bdd on
 * its class path gets it without configuration. When the session opens it moves secret settings out of the system
 * properties (before any test runner can copy them into a report); when it closes it masks token-shaped text and
 * secret values in the report files the run wrote under {@code reports/}, {@code target/} and the Allure results
 * folder.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SecretsSessionListener implements LauncherSessionListener {

    private FileTime opened;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SecretSettings.takeFromSystemProperties();
        opened = FileTime.fromMillis(System.currentTimeMillis() - 1000);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (opened == null) {
            return;
        }
        List<String> secrets = SecretSettings.values();
        String allure = System.getProperty("allure.results.directory", "target/allure-results");
        new ReportScrubber(Redactor.withSecrets(secrets)).scrub(List.of(Path.of("reports"), Path.of("target"),
                Path.of(allure)), opened);
    }
}

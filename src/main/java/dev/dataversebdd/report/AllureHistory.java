package dev.dataversebdd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Carries Allure's history from the last report into the next run's results, so that the report's trend widgets
 * (history, duration, retries, categories) span runs. The report is one self-contained {@code index.html}, which
 * embeds each of its files as {@code d('history/history-trend.json','<base64>')}; Allure reads a run's history from
 * {@code <results>/history/}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AllureHistory {

    private static final Pattern EMBEDDED = Pattern.compile("d\\('history/([A-Za-z0-9-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    private AllureHistory() {
    }

    /**
     * Copies the history files embedded in {@code report} into {@code results/history}; returns how many. No report
     * yet (a first run) carries nothing.
     */
    public static int carry(Path report, Path results) {
        if (!Files.isRegularFile(report)) {
            return 0;
        }
        try {
            String html = Files.readString(report, StandardCharsets.UTF_8);
            Path history = results.resolve("history");
            int carried = 0;
            Matcher file = EMBEDDED.matcher(html);
            while (file.find()) {
                Files.createDirectories(history);
                Files.write(history.resolve(file.group(1)), Base64.getDecoder().decode(file.group(2)));
                carried++;
            }
            return carried;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry the Allure history from " + report + " to " + results, e);
        }
    }
}

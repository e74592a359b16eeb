package dev.dataversebdd.cli;

import dev.dataversebdd.report.LeakScan;
import dev.dataversebdd.targets.SecretSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Fails the build when a secret reached the reports or the build folder (every folder given as an argument). The build runs it after every suite (see pom.xml, execution
 * {@code leak-scan}); by hand: {@code mvn -q exec:java -Dexec.mainClass=dev.dataversebdd.cli.LeakScanCommand -Dexec.args=reports}.
 * It throws rather than exiting, because it runs inside Maven's JVM.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LeakScanCommand {

    /** {@code --except=<folder>}: a folder not to scan, e.g. the invoker's copies of test projects. */
    private static final String EXCEPT = "--except=";

    private LeakScanCommand() {
    }

    public static void main(String[] args) {
        List<Path> folders = (args.length == 0 ? List.of("reports") : List.of(args)).stream()
                .filter(a -> !a.startsWith(EXCEPT)).map(Path::of).toList();
        List<Path> except = List.of(args).stream().filter(a -> a.startsWith(EXCEPT))
                .map(a -> Path.of(a.substring(EXCEPT.length())).toAbsolutePath()).toList();
        // Read, never taken: this runs inside Maven's own JVM, whose system properties other plugins still read.
        List<String> secrets = SecretSettings.values();
        List<String> findings = new ArrayList<>();
        for (Path folder : folders) {
            findings.addAll(new LeakScan(secrets).except(except).scan(folder));
        }
        if (!findings.isEmpty()) {
            throw new IllegalStateException("secrets leaked into " + folders + " (" + findings.size() + " finding(s)); "
                    + "delete those files and report this:\n  " + String.join("\n  ", findings));
        }
        System.out.println("leak scan: no secret or token in " + folders);
    }
}

package dev.dataversebdd.cli;

import dev.dataversebdd.report.LeakScan;
import dev.dataversebdd.target.LiveOrgConfiguration;
import dev.dataversebdd.target.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build when a secret reached the reports. The build runs it after every suite (see pom.xml, execution
 * {@code leak-scan}); by hand: {@code mvn -q exec:java -Dexec.mainClass=dev.dataversebdd.cli.LeakScanCommand -Dexec.args=reports}.
 * It throws rather than exiting, because it runs inside Maven's JVM.
 */
public final class LeakScanCommand {

    private LeakScanCommand() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length == 0 ? "reports" : args[0]);
        Settings settings = Settings.fromSystem();
        List<String> secrets = new ArrayList<>();
        for (String name : List.of(LiveOrgConfiguration.TOKEN, LiveOrgConfiguration.CLIENT_SECRET,
                LiveOrgConfiguration.CLIENT_CERTIFICATE_PASSWORD, LiveOrgConfiguration.AUTHORITY_TRUST_STORE_PASSWORD)) {
            settings.get(name).ifPresent(secrets::add);
        }
        List<String> findings = new LeakScan(secrets).scan(folder);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("secrets leaked into " + folder + " (" + findings.size() + " finding(s)); "
                    + "delete the folder and report this:\n  " + String.join("\n  ", findings));
        }
        System.out.println("leak scan: no secret or token in " + folder);
    }
}

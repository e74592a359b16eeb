package dev.dataversebdd.mutation;

import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.LiveFeatures;
import dev.dataversebdd.targets.OrgPrincipals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the packaged suite, in live mode, against one mutant: a fresh emulator standing in for an org (its own units
 * and users seeded, no authentication, as {@code conformance run --no-auth} allows), behind a {@link MutatingProxy}, reached by URL as {@code conformance
 * run --url} reaches any service. Live mode is the judge because it is how a team checks a server it does not own:
 * the guard, the ledger, cleanup, every scenario the emulator alone can run skipped.
 */
final class SuiteAgainstMutant {

    private SuiteAgainstMutant() {
    }

    /**
     * @param scenarios the names of the scenarios to run, or empty for the whole suite
     * @param folder    where the run's ledgers and verdicts go (a folder of its own per run)
     */
    static List<Verdicts.Verdict> run(Mutation mutation, List<String> scenarios, Path folder) throws Exception {
        return run(mutation, scenarios, folder, "features");
    }

    /** As above, looking for the scenarios only in {@code paths} (feature files or folders). */
    static List<Verdicts.Verdict> run(Mutation mutation, List<String> scenarios, Path folder, String... paths)
            throws Exception {
        Files.createDirectories(folder);
        try (DataverseEmulator org = DataverseEmulator.builder().start()) {
            OrgPrincipals principals = OrgPrincipals.seed(org.service(), null);
            try (MutatingProxy proxy = new MutatingProxy(org.baseUri(), mutation)) {
                Map<String, String> settings = new TreeMap<>();
                settings.put("dataverse.target", "live");
                settings.put("dataverse.url", proxy.baseUri());
                settings.put("dataverse.allowed-hosts", "127.0.0.1");
                settings.put("dataverse.auth", "none"); // a secret set here would outlive the run (SecretSettings)
                settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
                settings.put("dataverse.existing-rows", principals.existingRows());
                if (!scenarios.isEmpty()) {
                    settings.put("cucumber.filter.name", scenarios.stream().map(Pattern::quote)
                            .collect(Collectors.joining("|", "^(?:", ")$")));
                }
                Path verdicts = folder.resolve("verdicts.tsv");
                LiveFeatures.run(settings, null, ", " + Verdicts.class.getName() + ":" + verdicts, paths);
                return Verdicts.read(verdicts);
            }
        }
    }
}

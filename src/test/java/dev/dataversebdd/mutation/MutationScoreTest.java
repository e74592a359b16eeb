package dev.dataversebdd.mutation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the packaged suite's mutation score at 100 %: every mutant is caught by the two scenarios the last run of
 * {@link MutationHarness} picked for it (its sentinels), scenarios that pass against the conformant stand-in
 * ({@code LiveConformanceSuiteTest} runs the whole suite there).
 * The full run, every mutant against every scenario that reaches it, is {@code MutationHarness}'s own command.
 */
class MutationScoreTest {

    private static final Pattern SOURCE_ID = Pattern.compile("\\b([DQFSOCBI]\\d+)\\b");

    @TempDir
    Path folder;

    @Test
    void should_have_at_least_forty_mutants_each_naming_the_documented_behaviour_and_its_sources() throws Exception {
        List<Mutant> mutants = Mutant.all();
        assertThat(mutants.size(), greaterThanOrEqualTo(40));
        assertThat("mutant ids are unique", mutants.stream().map(Mutant::id).distinct().count(), equalTo((long) mutants.size()));
        Set<String> known = knownSources();
        List<String> uncited = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Matcher ids = SOURCE_ID.matcher(mutant.documented().replaceAll(":.*", ""));
            List<String> cited = ids.results().map(m -> m.group(1)).toList();
            if (cited.isEmpty() || !known.containsAll(cited)) {
                uncited.add(mutant.id() + ": " + mutant.documented());
            }
        }
        assertThat("each mutant cites, before its colon, ids of src/site/markdown/sources.md", uncited, empty());
    }

    @Test
    void should_catch_every_mutant_with_both_of_its_sentinel_scenarios() throws Exception {
        // GIVEN the sentinels of the last full run: two scenarios per mutant
        Map<String, List<String[]>> sentinels = sentinels();
        List<String> without = Mutant.all().stream().map(Mutant::id)
                .filter(id -> sentinels.getOrDefault(id, List.of()).stream().map(s -> s[1]).distinct().count() < 2)
                .toList();
        assertThat("mutants with fewer than two sentinels: run MutationHarness --write-sentinels", without, empty());
        Set<String> stale = new LinkedHashSet<>(sentinels.keySet());
        Mutant.all().forEach(m -> stale.remove(m.id()));
        assertThat("sentinels of mutants that are gone", stale, empty());
        // (LiveConformanceSuiteTest runs every one of them against the conformant stand-in, where each passes)
        Set<String> features = new LinkedHashSet<>();
        sentinels.values().forEach(list -> list.forEach(s -> features.add(s[0])));
        // WHEN each mutant meets its sentinels, in rounds where each scenario meets one mutant THEN both fail
        List<String> survivors = new ArrayList<>();
        List<Map<String, Mutant>> rounds = new ArrayList<>();
        for (Mutant mutant : Mutant.all()) {
            for (String[] sentinel : sentinels.get(mutant.id())) {
                Map<String, Mutant> round = rounds.stream().filter(r -> !r.containsKey(sentinel[1])).findFirst()
                        .orElseGet(() -> {
                            rounds.add(new LinkedHashMap<>());
                            return rounds.get(rounds.size() - 1);
                        });
                round.put(sentinel[1], mutant);
            }
        }
        for (int i = 0; i < rounds.size(); i++) {
            Map<String, Mutant> round = rounds.get(i);
            Map<String, Mutation> behaviours = new LinkedHashMap<>();
            round.forEach((scenario, mutant) -> behaviours.put(scenario, mutant.build(new ServerKnowledge())));
            List<Verdicts.Verdict> verdicts = SuiteAgainstMutant.run(new PerScenario(behaviours),
                    List.copyOf(round.keySet()), folder.resolve("round-" + i), features.toArray(String[]::new));
            verdicts.stream().filter(v -> !v.failed()).forEach(v -> survivors.add(round.get(v.scenario()).id()
                    + " survived " + v.location() + " " + v.scenario() + " (" + v.status() + ")"));
            assertThat("every scenario of round " + i + " ran", verdicts.size(), equalTo(round.size()));
        }
        assertThat("mutation score below 100 %", survivors, empty());
    }

    private static Map<String, List<String[]>> sentinels() throws Exception {
        Map<String, List<String[]>> sentinels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MutationHarness.SENTINELS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 3);
                sentinels.computeIfAbsent(parts[0], id -> new ArrayList<>()).add(new String[] {parts[1], parts[2]});
            }
        }
        return sentinels;
    }

    private static Set<String> knownSources() throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        Matcher rows = Pattern.compile("(?m)^\\| ([A-Z]\\d+) \\|").matcher(Files.readString(Path.of("src/site/markdown/sources.md")));
        while (rows.find()) {
            ids.add(rows.group(1));
        }
        return ids;
    }
}

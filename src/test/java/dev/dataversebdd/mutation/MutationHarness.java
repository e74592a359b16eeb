package dev.dataversebdd.mutation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutation score of the packaged suite: runs it, in live mode, against every {@link Mutant} and says which
 * scenarios caught each one.
 *
 * <p>First the suite runs against the conformant server (the baseline: every scenario must pass), recording which
 * scenarios send a request each mutant touches. Then each mutant is run against those scenarios only: a scenario
 * that sends none of them gets the conformant server's answers and passes as it did. With {@code --all-scenarios}
 * each mutant gets the whole suite instead (slower, the same score).
 *
 * <pre>{@code
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.dataversebdd.mutation.MutationHarness
 * }</pre>
 *
 * Options: {@code --only id,id} (some mutants), {@code --out DIR} (default {@code reports/mutation}),
 * {@code --all-scenarios}, {@code --quick} (stops at a mutant's second catching scenario, cheapest scenarios first),
 * {@code --write-sentinels} (rewrites the scenarios {@link MutationScoreTest} runs).
 */
public final class MutationHarness {

    static final Path SENTINELS = Path.of("src/test/resources/dev/dataversebdd/mutation/sentinels.tsv");

    /** What the baseline saw: each scenario's verdict, how many requests it sent, which mutants it reached. */
    record Baseline(List<Verdicts.Verdict> verdicts, Map<String, Integer> requests, Map<String, Set<String>> reached) {
    }

    /** One mutant's result: the scenarios that reached it, and those of them that failed. */
    record Outcome(Mutant mutant, Set<String> reachedBy, List<Verdicts.Verdict> caughtBy) {
        boolean caught() {
            return !caughtBy.isEmpty();
        }
    }

    private MutationHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path out = Path.of(value(options, "--out", "reports/mutation"));
        List<Mutant> mutants = selected(Mutant.all(), value(options, "--only", ""));
        System.out.println("mutation harness: " + mutants.size() + " mutants; the packaged suite runs in live mode "
                + "against each, behind a deviating proxy on loopback");
        Baseline baseline = baseline(mutants, out.resolve("runs/baseline"));
        List<Verdicts.Verdict> failing = baseline.verdicts().stream().filter(Verdicts.Verdict::failed).toList();
        if (!failing.isEmpty()) {
            throw new IllegalStateException("the baseline failed, so no mutant can be judged: " + failing);
        }
        System.out.println("baseline: " + count(baseline, io.cucumber.plugin.event.Status.PASSED) + " scenarios passed, "
                + count(baseline, io.cucumber.plugin.event.Status.SKIPPED) + " skipped (they need the emulator or rows "
                + "the target lacks)");
        Set<String> everyScenario = new LinkedHashSet<>(baseline.requests().keySet());
        List<Outcome> outcomes = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Set<String> reached = options.contains("--all-scenarios") ? everyScenario
                    : baseline.reached().getOrDefault(mutant.id(), Set.of());
            Path runs = out.resolve("runs/" + mutant.id().replace('/', '-'));
            List<Verdicts.Verdict> caught = options.contains("--quick") ? untilCaughtTwice(mutant, reached, baseline, runs)
                    : reached.isEmpty() ? List.of()
                    : run(mutant, List.copyOf(reached), runs).stream().filter(Verdicts.Verdict::failed).toList();
            Outcome outcome = new Outcome(mutant, reached, caught);
            outcomes.add(outcome);
            System.out.println(line(outcome));
        }
        String report = report(outcomes);
        System.out.print(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("mutation-score.txt"), report);
        Files.writeString(out.resolve("mutation-score.json"), json(outcomes));
        if (options.contains("--write-sentinels")) {
            writeSentinels(outcomes, baseline);
        }
        if (!outcomes.stream().allMatch(Outcome::caught)) {
            throw new IllegalStateException("mutation score below 100 %: see " + out.resolve("mutation-score.txt"));
        }
    }

    /** The suite against the conformant server, noting for each mutant the scenarios that send what it touches. */
    static Baseline baseline(List<Mutant> mutants, Path folder) throws Exception {
        Map<String, Integer> requests = new ConcurrentHashMap<>();
        Map<String, Set<String>> reached = new ConcurrentHashMap<>();
        // a mutant that only rewrites answers reaches a scenario only where it would rewrite a conformant answer
        Map<Mutant, Mutation> dry = new java.util.HashMap<>();
        mutants.forEach(mutant -> dry.put(mutant, mutant.mutation().apply(new ServerKnowledge())));
        Mutation watching = (call, emulator) -> {
            String scenario = Verdicts.currentScenario();
            requests.merge(scenario, 1, Integer::sum);
            Answer answer = emulator.send(call);
            for (Mutant mutant : mutants) {
                if (mutant.touches().test(call) && (!(dry.get(mutant) instanceof Mutation.AnswerRewrite rewrite)
                        || rewrite.changes(call, answer))) {
                    reached.computeIfAbsent(mutant.id(), id -> ConcurrentHashMap.newKeySet()).add(scenario);
                }
            }
            return answer;
        };
        List<Verdicts.Verdict> verdicts = SuiteAgainstMutant.run(watching, List.of(), folder);
        Set<String> ran = new LinkedHashSet<>();
        verdicts.stream().filter(v -> v.status() != io.cucumber.plugin.event.Status.SKIPPED)
                .forEach(v -> ran.add(v.scenario()));
        // skipped scenarios may have sent a request or two before skipping: they cannot catch anything
        reached.values().forEach(scenarios -> scenarios.retainAll(ran));
        requests.keySet().retainAll(ran);
        return new Baseline(verdicts, requests, reached);
    }

    private static List<Verdicts.Verdict> run(Mutant mutant, List<String> scenarios, Path folder) throws Exception {
        return SuiteAgainstMutant.run(mutant.build(new ServerKnowledge()), scenarios, folder);
    }

    /**
     * {@code --quick}: the scenarios that reached the mutant, cheapest first (fewest requests in the baseline), in
     * rounds of 4, 8, 16, … until two have failed; the catchers it lists are then the first two found, not all.
     */
    private static List<Verdicts.Verdict> untilCaughtTwice(Mutant mutant, Set<String> reached, Baseline baseline,
                                                           Path folder) throws Exception {
        List<String> cheapestFirst = reached.stream().sorted(Comparator.comparing((String s) -> baseline.requests()
                .getOrDefault(s, 0)).thenComparing(s -> s)).toList();
        List<Verdicts.Verdict> caught = new ArrayList<>();
        int from = 0;
        for (int round = 4; from < cheapestFirst.size() && caught.size() < 2; round *= 2) {
            List<String> these = cheapestFirst.subList(from, Math.min(cheapestFirst.size(), from + round));
            caught.addAll(run(mutant, these, folder.resolve("round-" + round)).stream().filter(Verdicts.Verdict::failed)
                    .toList());
            from += these.size();
        }
        return caught;
    }

    private static String line(Outcome outcome) {
        if (outcome.reachedBy().isEmpty()) {
            return "NOT REACHED  " + outcome.mutant().id() + ": no scenario sends a request it touches";
        }
        if (!outcome.caught()) {
            return "SURVIVED     " + outcome.mutant().id() + ": " + outcome.reachedBy().size() + " scenario(s) reached it, "
                    + "none failed (" + outcome.mutant().deviation() + ")";
        }
        List<String> names = outcome.caughtBy().stream().map(v -> v.location() + " " + v.scenario()).toList();
        return "caught       " + outcome.mutant().id() + " by " + names.size() + " of " + outcome.reachedBy().size()
                + " scenario(s) it reached: " + String.join("; ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? "; …" : "");
    }

    static String report(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder("\nMutation score of the packaged suite (live mode)\n");
        for (Outcome outcome : outcomes) {
            text.append("  ").append(line(outcome)).append('\n');
        }
        List<String> once = outcomes.stream().filter(o -> o.caughtBy().size() == 1)
                .map(o -> o.mutant().id() + " (" + o.caughtBy().get(0).location() + ")").toList();
        text.append("caught by one scenario only: ").append(once.isEmpty() ? "none" : String.join(", ", once)).append('\n');
        long caught = outcomes.stream().filter(Outcome::caught).count();
        text.append(String.format(java.util.Locale.ROOT, "mutation score: %d of %d mutants caught (%.1f%%)%n", caught,
                outcomes.size(), outcomes.isEmpty() ? 0.0 : 100.0 * caught / outcomes.size()));
        return text.toString();
    }

    private static String json(List<Outcome> outcomes) {
        ObjectNode root = Requests.JSON.createObjectNode();
        root.put("schema", "dataverse-bdd/mutation-score").put("version", 1);
        root.put("mutants", outcomes.size()).put("caught", outcomes.stream().filter(Outcome::caught).count());
        ArrayNode list = root.putArray("results");
        for (Outcome outcome : outcomes) {
            ObjectNode item = list.addObject().put("id", outcome.mutant().id()).put("deviation", outcome.mutant().deviation())
                    .put("documented", outcome.mutant().documented()).put("reachedBy", outcome.reachedBy().size())
                    .put("caught", outcome.caught());
            ArrayNode by = item.putArray("caughtBy");
            outcome.caughtBy().forEach(v -> by.addObject().put("scenario", v.scenario()).put("location", v.location()));
        }
        return Requests.write(root) + "\n";
    }

    /**
     * For each mutant, the two catching scenarios that send the fewest requests, preferring two feature files: what
     * the build's test runs to keep the score.
     */
    private static void writeSentinels(List<Outcome> outcomes, Baseline baseline) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# mutant id <tab> feature file <tab> a scenario of it that catches the mutant; written by "
                + "MutationHarness --write-sentinels, read by MutationScoreTest"));
        // the mutants this run left out (--only) keep the sentinels they had
        Set<String> ran = new LinkedHashSet<>();
        outcomes.forEach(outcome -> ran.add(outcome.mutant().id()));
        if (Files.exists(SENTINELS)) {
            Files.readAllLines(SENTINELS).stream().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .filter(line -> !ran.contains(line.substring(0, line.indexOf('\t')))).forEach(lines::add);
        }
        for (Outcome outcome : outcomes) {
            List<Verdicts.Verdict> cheapest = outcome.caughtBy().stream().sorted(Comparator.comparing(
                    (Verdicts.Verdict v) -> baseline.requests().getOrDefault(v.scenario(), 0)).thenComparing(Verdicts.Verdict::location))
                    .toList();
            Map<String, Verdicts.Verdict> byFeature = new LinkedHashMap<>();
            cheapest.forEach(v -> byFeature.putIfAbsent(v.location().replaceAll(":\\d+$", ""), v));
            List<Verdicts.Verdict> picked = new ArrayList<>(byFeature.values().stream().limit(2).toList());
            cheapest.stream().filter(v -> !picked.contains(v)).limit(Math.max(0, 2 - picked.size())).forEach(picked::add);
            picked.forEach(v -> lines.add(outcome.mutant().id() + "\t" + v.location().replaceAll(":\\d+$", "") + "\t"
                    + v.scenario()));
        }
        Files.write(SENTINELS, lines);
        System.out.println("sentinels written to " + SENTINELS);
    }

    private static long count(Baseline baseline, io.cucumber.plugin.event.Status status) {
        return baseline.verdicts().stream().filter(v -> v.status() == status).count();
    }

    private static List<Mutant> selected(List<Mutant> all, String only) {
        if (only.isEmpty()) {
            return all;
        }
        Set<String> ids = Set.of(only.split(","));
        List<Mutant> some = all.stream().filter(m -> ids.contains(m.id())).toList();
        if (some.size() != ids.size()) {
            throw new IllegalArgumentException("--only names no such mutant; the mutants are "
                    + all.stream().map(Mutant::id).toList());
        }
        return some;
    }

    private static String value(List<String> options, String name, String otherwise) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : otherwise;
    }
}

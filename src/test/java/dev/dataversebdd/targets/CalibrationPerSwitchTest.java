package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.dsl.Dataverse;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.ModeAnswer;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Outcome;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.mutation.DeviatingServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calibration learns each switch as the mode the org shows, no more and no less (issue 24): for every mode of every
 * [CONFLICT]/[INF] switch (the emulator's {@link Behaviour}, which BehaviourSwitchTest holds equal to the DSL's
 * catalogue, so a new switch or mode is covered here at once), a stand-in org with that one switch in that mode runs,
 * in live mode, only the scenarios that observe the switch; the behaviour profile must then say exactly
 * {@code switch=mode}. Where no request a live run may send tells two modes apart, the profile must say so
 * ("undetermined", naming exactly those modes) whatever the stand-in's mode. And a stand-in that answers what no mode
 * predicts fails the run, and the profile says that no mode describes it.
 */
class CalibrationPerSwitchTest {

    @RegisterExtension
    static final LocalOrgExtension LOCAL = new LocalOrgExtension();

    /**
     * The switches whose modes no live request tells apart, with those modes. The run's caller is the org's
     * application user, who holds every privilege, so whether the caller's privileges count too (S7) never shows.
     */
    private static final Map<String, List<String>> INDISTINGUISHABLE = Map.of("security-impersonation-privileges",
            List.of("impersonated-only", "intersection"));

    @TempDir
    Path folder;

    private OrgPrincipals principals;

    @BeforeEach
    void seedTheOrg() {
        LOCAL.org().service().reset();
        principals = OrgPrincipals.seed(LOCAL.org().service(), LOCAL.endpoint()::isValid);
    }

    @AfterEach
    void defaults() {
        LOCAL.org().service().profile(BehaviourProfile.defaults());
    }

    static Stream<Arguments> everyModeOfEverySwitch() {
        return Arrays.stream(Behaviour.values()).flatMap(b -> b.modes().stream().map(mode -> Arguments.of(b.key(), mode)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("everyModeOfEverySwitch")
    void should_learn_a_stand_in_in_each_mode_as_that_mode_and_no_other(String key, String mode) throws Exception {
        // GIVEN the live scenarios that observe the switch, and an org with that one switch in the mode
        List<String> probes = probesOf(key);
        assertThat("no live scenario observes '" + key + "' (Then the response follows the \"" + key + "\" behaviour"
                + "): add a probe that runs in live mode", probes, not(empty()));
        LOCAL.org().service().profile(BehaviourProfile.defaults().with(key, mode));
        // WHEN only those scenarios run against it in live mode, with the conformance plugin
        LiveFeatures.Outcomes outcomes = run(settings(LOCAL.org().baseUri()), probes);
        // THEN every one of them runs and passes
        assertThat(outcomes.failures(), outcomes.summary().getTotalFailureCount(), equalTo(0L));
        assertThat(String.join("\n", outcomes.reasons()), outcomes.summary().getTestsSucceededCount(),
                equalTo(outcomes.summary().getTestsStartedCount()));
        // AND the profile holds that mode and nothing else, or, where no live request discriminates, exactly the
        // modes that stay undetermined
        List<String> undetermined = INDISTINGUISHABLE.get(key);
        assertThat(profileLine(key), equalTo(undetermined == null ? key + "=" + mode
                : "# " + key + ": undetermined, the answers fit " + String.join(" and ", undetermined)));
    }

    @Test
    void should_fail_the_run_and_learn_no_mode_when_the_org_answers_what_no_mode_predicts() throws Exception {
        // GIVEN a server that loses the last of several "nav@odata.bind": null of a PATCH: it answers 204, as "clears"
        // and "ignored" do, but clears one lookup of two, which neither predicts
        try (DeviatingServer org = DeviatingServer.start("unbind/last-null-bind-dropped", LOCAL.org().baseUri())) {
            // WHEN the scenarios that observe bind-null run against it in live mode
            LiveFeatures.Outcomes outcomes = run(settings(org.baseUri()), probesOf("bind-null"));
            // THEN each of them fails on a read-back, and the profile says no mode describes the org
            assertThat(outcomes.failed(), hasItems(
                    "Disassociate on update with PATCH null - The documented \"@odata.bind\": null form follows the "
                            + "bind-null behaviour",
                    "Disassociate on update with PATCH null - The DSL's two \"@odata.bind\": null in one request follow "
                            + "the bind-null behaviour too"));
            assertThat(outcomes.failures(), containsString("expected"));
            assertThat(profileLine("bind-null"), equalTo("# bind-null: no mode describes what "
                    + org.baseUri().substring("http://".length()) + " answered; see the matrix"));
        }
    }

    @Test
    void should_narrow_a_behaviour_a_scenario_observes_twice_and_refuse_a_probe_that_leaves_a_mode_out() {
        try (DataverseSession dv = Dataverse.connect(LocalOrg.target(settings(LOCAL.org().baseUri()))).openSession()) {
            Outcome created = dv.create(NewRow.of("account", "Contoso")).outcome();
            // GIVEN a probe every mode answers alike, then one only "reject" answers as the org did (204)
            assertThat(dv.behaviours().observe("relative-odata-id", created, List.of(ModeAnswer.of("reject", 204),
                    ModeAnswer.of("accept", 204))), equalTo(Set.of("reject", "accept")));
            // WHEN both are observed in one scenario THEN the second narrows what the first left
            assertThat(dv.behaviours().observe("relative-odata-id", created, List.of(ModeAnswer.of("reject", 204),
                    ModeAnswer.of("accept", 400))), equalTo(Set.of("reject")));
            assertThat(dv.conformanceRecord(), containsString("\"relative-odata-id\":[\"reject\"]"));
            // AND a third that only "accept" fits leaves none: the check fails, naming what the modes still in the
            // running answer
            AssertionError none = assertThrows(AssertionError.class, () -> dv.behaviours().observe("relative-odata-id",
                    created, List.of(ModeAnswer.of("reject", 400), ModeAnswer.of("accept", 204))));
            assertThat(none.getMessage(), containsString("expected one of {reject=400} but was 204 No Content"));
            assertThat(dv.conformanceRecord(), containsString("\"relative-odata-id\":[]"));
            // AND a probe that does not say what every mode answers is refused, naming the mode it leaves out
            IllegalArgumentException partial = assertThrows(IllegalArgumentException.class, () -> dv.behaviours()
                    .observe("bind-null", created, List.of(ModeAnswer.of("clears", 204), ModeAnswer.of("ignored", 204))));
            assertThat(partial.getMessage(), equalTo("the probe of 'bind-null' must say what every mode answers; it does "
                    + "not name [rejected]"));
        }
    }

    @Test
    void should_state_under_every_mode_what_it_predicts_wherever_a_scenario_checks_one() throws IOException {
        // A read-back stated for some modes only lets the others survive its failure unseen: an org that fits no mode
        // would be learned as the mode nobody checked. So a scenario that checks under one mode checks under all.
        List<String> gaps = new ArrayList<>();
        for (Behaviour behaviour : Behaviour.values()) {
            for (Map.Entry<String, List<String>> scenario : modesChecked(behaviour.key()).entrySet()) {
                List<String> unchecked = behaviour.modes().stream().filter(m -> !scenario.getValue().contains(m)).toList();
                if (!scenario.getValue().isEmpty() && !unchecked.isEmpty()) {
                    gaps.add(scenario.getKey() + " states no read-back under " + behaviour.key() + " = " + unchecked);
                }
            }
        }
        assertThat(gaps, empty());
    }

    /** Per live scenario that observes {@code key} ({@code file:line}), the modes it states a read-back under. */
    private static Map<String, List<String>> modesChecked(String key) throws IOException {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        Pattern under = Pattern.compile("under \"" + Pattern.quote(key) + "\" = \"([^\"]+)\"");
        for (String probe : probesOf(key)) {
            int colon = probe.lastIndexOf(':');
            List<String> lines = Files.readAllLines(Path.of(probe.substring(0, colon)));
            List<String> modes = new ArrayList<>();
            for (int i = Integer.parseInt(probe.substring(colon + 1)); i < lines.size()
                    && !lines.get(i).trim().startsWith("Scenario") && !lines.get(i).trim().startsWith("@"); i++) {
                Matcher m = under.matcher(lines.get(i));
                if (m.find() && !modes.contains(m.group(1))) {
                    modes.add(m.group(1));
                }
            }
            checked.put(probe, modes);
        }
        return checked;
    }

    private Map<String, String> settings(String url) {
        Map<String, String> settings = LOCAL.settings();
        settings.put("dataverse.url", url);
        settings.put("dataverse.ledger-dir", folder.resolve("ledgers").toString());
        settings.put("dataverse.existing-rows", principals.existingRows());
        return settings;
    }

    private LiveFeatures.Outcomes run(Map<String, String> settings, List<String> probes) {
        return LiveFeatures.run(settings, null, ", dev.dataversebdd.conformance.ConformancePlugin:"
                + folder.resolve("conformance"), probes.toArray(String[]::new));
    }

    /** The one line of the profile about {@code key} (there must be exactly one). */
    private String profileLine(String key) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("conformance/behaviour-profile.properties")).stream()
                .filter(line -> line.startsWith(key + "=") || line.startsWith("# " + key + ":")).toList();
        assertThat(lines.toString(), lines.size(), equalTo(1));
        return lines.get(0);
    }

    /**
     * {@code file.feature:line} of every scenario in features/ that observes {@code key} and runs in live mode (not
     * tagged {@code @emulator-only}, on itself or its feature).
     */
    static List<String> probesOf(String key) throws IOException {
        List<String> probes = new ArrayList<>();
        String observes = "follows the \"" + key + "\" behaviour";
        try (Stream<Path> files = Files.walk(Path.of("features"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                TreeSet<String> featureTags = new TreeSet<>();
                List<String> tags = new ArrayList<>();
                int scenario = 0;
                boolean emulatorOnly = false;
                boolean observed = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("@")) {
                        tags.addAll(List.of(line.split("\\s+")));
                    } else if (line.startsWith("Feature:")) {
                        featureTags.addAll(tags);
                        tags.clear();
                    } else if (line.startsWith("Scenario") || line.startsWith("Background:")) {
                        if (observed && !emulatorOnly) {
                            probes.add(file.toString().replace('\\', '/') + ":" + scenario);
                        }
                        scenario = line.startsWith("Background:") ? 0 : i + 1;
                        emulatorOnly = featureTags.contains("@emulator-only") || tags.contains("@emulator-only");
                        observed = false;
                        tags.clear();
                    } else if (scenario > 0 && line.contains(observes)) {
                        observed = true;
                    }
                }
                if (observed && !emulatorOnly) {
                    probes.add(file.toString().replace('\\', '/') + ":" + scenario);
                }
            }
        }
        return probes;
    }
}

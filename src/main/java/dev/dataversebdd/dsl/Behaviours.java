package dev.dataversebdd.dsl;

import dev.dataversebdd.report.Evidence;
import dev.dataversebdd.wire.EditDistance;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The [CONFLICT]/[INF] behaviours of a session: switched per request on a target that takes switches (the emulator),
 * observed on one that does not (a live org), where the answer tells which documented reading the org follows.
 * Reached through {@link DataverseSession#behaviours()}.
 *
 * <pre>{@code
 * Outcome outcome = dv.send("PUT", path).body(relativeBody).send();
 * dv.behaviours().observe("relative-odata-id", outcome);   // 400 under "reject", 204 under "accept"
 * dv.behaviours().when("relative-odata-id", "accept", () -> dv.expect(deal).lookup("customerid_account").pointsTo(a));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class Behaviours {

    /** The emulator's per-request behaviour header, spelled out here because the DSL never imports the emulator. */
    static final String HEADER = "X-Emulator-Behaviour";
    private static final System.Logger LOG = System.getLogger("dev.dataversebdd");

    private final Target target;
    private final Evidence attachments;
    private final Failures failures;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final BehaviourObservation observation = new BehaviourObservation();

    Behaviours(Target target, Evidence attachments, Failures failures) {
        this.target = target;
        this.attachments = attachments;
        this.failures = failures;
    }

    /** True when the target takes per-request behaviour switches (the embedded emulator; a live org does not). */
    public boolean takesSwitches() {
        return target.switchesBehaviours();
    }

    /**
     * Switches a behaviour for this session's requests only (parallel-safe); refused by a target that takes no
     * switches, and refused at once, with a "did you mean", for a behaviour or mode that does not exist.
     */
    public void switchTo(String key, String mode) {
        Map<String, BehaviourObservation.Expected> modes = BehaviourObservation.MODES.get(key);
        if (modes == null) {
            throw new IllegalArgumentException(failures.prefix() + "there is no behaviour '" + key + "'"
                    + suggestion(key, BehaviourObservation.MODES.keySet()) + " The behaviours are "
                    + BehaviourObservation.MODES.keySet().stream().sorted().toList()
                    + " (src/site/markdown/behaviours.md).");
        }
        if (!modes.containsKey(mode)) {
            throw new IllegalArgumentException(failures.prefix() + "behaviour '" + key + "' has no mode '" + mode + "'"
                    + suggestion(mode, modes.keySet()) + " Its modes are " + modes.keySet() + ".");
        }
        if (!target.switchesBehaviours()) {
            throw new IllegalStateException("behaviour '" + key + "' can be switched only on a target that takes "
                    + "switches (the embedded emulator); " + target.description() + " behaves as it does.");
        }
        overrides.put(key, mode);
    }

    private static String suggestion(String wrong, Collection<String> candidates) {
        String close = EditDistance.didYouMean(wrong, candidates);
        return close.isEmpty() ? "." : close;
    }

    /** The configured mode of a behaviour: this session's switch, else the target's; empty on a live org. */
    public Optional<String> mode(String key) {
        String override = overrides.get(key);
        return override != null ? Optional.of(override) : target.behaviourMode(key);
    }

    /** The header value that carries this session's switches, if it has any. */
    Optional<String> header() {
        return overrides.isEmpty() ? Optional.empty() : Optional.of(String.join(",", overrides.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    /**
     * Checks an outcome against a behaviour: where the behaviour is configured the outcome must match that mode; on a
     * live org it tells which modes the org's answer fits (and fails if it fits none).
     *
     * @return the modes the outcome is consistent with
     */
    public Set<String> observe(String key, Outcome outcome) {
        Optional<String> configured = mode(key);
        return noted(key, configured, outcome, observation.observe(key, configured.orElse(null), outcome));
    }

    /**
     * As {@link #observe(String, Outcome)}, for a probe that is not the behaviour's usual request: {@code answers}
     * says what each of its modes answers this one (every mode named once). Several probes of one behaviour, each
     * answered alike by some modes, together tell the modes apart: the behaviour profile keeps the modes that fit
     * them all.
     *
     * @return the modes the outcome is consistent with
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Set<String> observe(String key, Outcome outcome, List<ModeAnswer> answers) {
        Optional<String> configured = mode(key);
        return noted(key, configured, outcome, observation.observe(key, configured.orElse(null), outcome, answers));
    }

    private Set<String> noted(String key, Optional<String> configured, Outcome outcome, Set<String> modes) {
        String note = key + ": " + String.join(" or ", modes) + (configured.isPresent() ? " (configured)"
                : " (observed on " + target.description() + ", answer " + outcome.exchange().statusLine() + ")");
        attachments.note("behaviour " + key, note);
        if (configured.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "dataverse-bdd: " + failures.prefix() + "behaviour " + note);
        }
        return modes;
    }

    /**
     * Every behaviour observed so far and the modes still consistent with its answer and read-backs (the configured
     * one, on the emulator; none when no mode describes what a live org did).
     */
    Map<String, Set<String>> observed() {
        return observation.candidates();
    }

    /** Runs a read-back that holds only under one mode of an observed behaviour (see {@link #observe}). */
    public void when(String key, String mode, Runnable check) {
        observation.when(key, mode, check);
    }
}

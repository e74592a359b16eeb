package dev.dataversebdd.dsl;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The places where Dataverse's sources disagree or are silent ([CONFLICT] / [INF] in the behaviour notes), and the
 * answer each known mode gives. Against the emulator the configured mode must be the one observed; against a live
 * org the observation tells which mode the org shows, and fails only when it shows none of them.
 *
 * <p>Written from the behaviour notes independently of the emulator, so that the two check each other.
 *
 * <pre>{@code
 * Outcome outcome = dv.send("PUT", path).body(relativeBody).send();
 * dv.behaviours().observe("relative-odata-id", outcome);          // 400 under "reject", 204 under "accept"
 * dv.behaviours().when("relative-odata-id", "accept", () -> dv.expect(deal).lookup("customerid_account").pointsTo(a));
 * }</pre>
 */
final class BehaviourObservation {

    /** What a mode answers: a status and, for errors, the Dataverse code (null when any code will do). */
    record Expected(int status, String code) {
        boolean matches(Outcome outcome) {
            return outcome.status() == status
                    && (code == null || outcome.error().map(e -> e.code().equals(code)).orElse(false));
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " (" + code + ")");
        }
    }

    static final Map<String, Map<String, Expected>> MODES = Map.ofEntries(
            Map.entry("relative-odata-id", ordered("reject", new Expected(400, null), "accept", new Expected(204, null))),
            Map.entry("bind-null", ordered("clears", new Expected(204, null), "rejected", new Expected(400, "0x0"),
                    "ignored", new Expected(204, null))),
            Map.entry("activity-party-put", ordered("replace-all", new Expected(204, null),
                    "replace-present-types", new Expected(204, null), "rejected", new Expected(400, "0x0"))),
            Map.entry("disassociate-unrelated", ordered("no-op", new Expected(204, null), "not-found", new Expected(404, null))),
            Map.entry("delete-ref-without-id", ordered("reject", new Expected(400, null), "remove-all", new Expected(204, null))),
            Map.entry("duplicate-association", ordered("412", new Expected(412, "0x80040237"), "400", new Expected(400, "0x80040237"),
                    "no-op", new Expected(204, null))),
            Map.entry("unknown-segment-code", ordered("0x80060888", new Expected(404, "0x80060888"),
                    "0x8006088a", new Expected(404, "0x8006088a"))),
            Map.entry("security-nn-associate", ordered("append-both", new Expected(204, null),
                    "appendto-target+append-related", new Expected(403, "0x80040220"),
                    "append+appendto-both", new Expected(403, "0x80040220"))),
            Map.entry("security-lookup-clear", ordered("write+append", new Expected(403, "0x80040220"),
                    "write-only", new Expected(204, null))),
            Map.entry("security-impersonation-privileges", ordered("intersection", new Expected(403, "0x80040220"),
                    "impersonated-only", new Expected(204, null))),
            Map.entry("security-retrieve-inaccessible", ordered("403", new Expected(403, "0x80048306"),
                    "404", new Expected(404, "0x80040217"))),
            Map.entry("security-list-no-privilege", ordered("error-403", new Expected(403, "0x80040220"),
                    "empty", new Expected(200, null))),
            Map.entry("security-modernized-bu", ordered("off", new Expected(400, "0x80041409"),
                    "on", new Expected(204, null))));

    private final Map<String, Set<String>> candidates = new LinkedHashMap<>();

    static Map<String, Expected> modes(String key) {
        Map<String, Expected> modes = MODES.get(key);
        if (modes == null) {
            throw new IllegalArgumentException("unknown behaviour '" + key + "'; known: " + MODES.keySet().stream().sorted().toList());
        }
        return modes;
    }

    /** Records which modes the outcome is consistent with; {@code configured} narrows it to one (emulator). */
    Set<String> observe(String key, String configured, Outcome outcome) {
        return observe(key, configured, outcome, modes(key));
    }

    /**
     * As {@link #observe(String, String, Outcome)}, for a probe whose modes answer as {@code answers} says: it must
     * name every mode of the behaviour once, so that no mode is left out of the reckoning by a typo.
     */
    Set<String> observe(String key, String configured, Outcome outcome, List<ModeAnswer> answers) {
        Map<String, Expected> modes = modes(key);
        Map<String, Expected> probe = new LinkedHashMap<>();
        for (ModeAnswer answer : answers) {
            if (!modes.containsKey(answer.mode())) {
                throw new IllegalArgumentException("behaviour '" + key + "' has no mode '" + answer.mode()
                        + "'; modes: " + modes.keySet());
            }
            if (probe.put(answer.mode(), new Expected(answer.status(), answer.code())) != null) {
                throw new IllegalArgumentException("the probe of '" + key + "' names mode '" + answer.mode() + "' twice");
            }
        }
        if (!probe.keySet().equals(modes.keySet())) {
            Set<String> missing = new LinkedHashSet<>(modes.keySet());
            missing.removeAll(probe.keySet());
            throw new IllegalArgumentException("the probe of '" + key + "' must say what every mode answers; it does "
                    + "not name " + missing);
        }
        Map<String, Expected> ordered = new LinkedHashMap<>();
        modes.keySet().forEach(mode -> ordered.put(mode, probe.get(mode)));
        return observe(key, configured, outcome, ordered);
    }

    private Set<String> observe(String key, String configured, Outcome outcome, Map<String, Expected> modes) {
        Set<String> matching = new LinkedHashSet<>();
        if (configured != null) {
            Expected expected = modes.get(configured);
            if (expected == null) {
                throw new IllegalArgumentException("behaviour '" + key + "' has no mode '" + configured + "'; modes: "
                        + modes.keySet());
            }
            if (!expected.matches(outcome)) {
                throw outcome.fail(key + "=" + configured + " -> " + expected, answer(outcome));
            }
            matching.add(configured);
        } else {
            modes.forEach((mode, expected) -> {
                if (expected.matches(outcome)) {
                    matching.add(mode);
                }
            });
            // a second observation in one scenario narrows what the first left (a probe and its follow-up)
            Set<String> before = candidates.get(key);
            if (before != null) {
                matching.retainAll(before);
            }
            if (matching.isEmpty()) {
                candidates.put(key, matching); // no mode describes the answers: the conformance record says so
                throw outcome.fail("one of " + (before == null ? modes : narrowed(modes, before)), answer(outcome));
            }
        }
        candidates.put(key, matching);
        return Set.copyOf(matching);
    }

    private static Map<String, Expected> narrowed(Map<String, Expected> modes, Set<String> still) {
        Map<String, Expected> left = new LinkedHashMap<>(modes);
        left.keySet().retainAll(still);
        return left;
    }

    private static String answer(Outcome outcome) {
        return outcome.exchange().statusLine() + outcome.error().map(e -> " (" + e.code() + ")").orElse("");
    }

    /**
     * Runs a state check that belongs to one mode. It runs when that mode is the observed one; when a live org's
     * answer fits several modes, a failing check rules its mode out, and a passing one settles nothing: another mode
     * still in the running may predict the same state (a PUT of parties onto an email that has none replaces and
     * appends alike), so only the checks that fail tell modes apart. A scenario therefore states the state every mode
     * that answers alike predicts, each under its own mode: a mode left with no check of its own would survive the
     * others' failures unseen. When the last mode is ruled out the check fails, and the record says no mode fits.
     */
    void when(String key, String mode, Runnable check) {
        Set<String> modes = candidates.get(key);
        if (modes == null) {
            throw new IllegalStateException("behaviour '" + key + "' has not been observed in this scenario: check the "
                    + "response against it first");
        }
        if (!modes.contains(mode)) {
            return;
        }
        try {
            check.run();
        } catch (AssertionError ruledOut) {
            // ruled out even when it was the last mode left: the record then says no mode fits, never the last one
            modes.remove(mode);
            if (modes.isEmpty()) {
                throw ruledOut;
            }
        }
    }

    /** Per behaviour observed, the modes still consistent with everything seen (empty: none describes it). */
    Map<String, Set<String>> candidates() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        candidates.forEach((key, modes) -> copy.put(key, Set.copyOf(modes)));
        return copy;
    }

    private static Map<String, Expected> ordered(Object... pairs) {
        Map<String, Expected> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Expected) pairs[i + 1]);
        }
        return map;
    }
}

package dev.dataversebdd.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request a scenario checked, placed in a matrix cell: what the target answered, whether the scenario (its
 * read-back included) passed, the behaviours it observed, and where its expectation comes from.
 *
 * @param provenance    the documented sources the scenario follows (D1, Q3, …), and "observed on <host> on <date>"
 *                      for a live org
 * @param limitedCaller the request went on behalf of another user (a security scenario), not as the run's own caller
 * @param liveWire      the answer came over the wire from the target of a live run (a live org or any URL): the
 *                      request was sent, not refused by the live-safety guard, and answered; never for the embedded
 *                      emulator
 */
record Observation(String operation, String relationship, String form, String scenario, String location, int status,
                   String code, String result, Map<String, Set<String>> behaviours, List<String> provenance,
                   boolean limitedCaller, boolean liveWire) {

    boolean passed() {
        return result.equals("PASSED");
    }

    boolean exercised() {
        return passed() || result.equals("FAILED") || result.equals("AMBIGUOUS") || result.equals("UNDEFINED");
    }
}

package dev.dataversebdd.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How strongly a cell's outcome is backed: by how many distinct scenarios and observations (skipped scenarios do
 * not count: they decided nothing), and whether any of them saw the target's answer on the wire of a live run. A
 * green cell one scenario backs is lost when that scenario is; one five scenarios back is not.
 *
 * @param liveWireScenarios the scenarios among {@code scenarios} that saw the answer on the wire of a live run
 */
record CellStrength(int scenarios, int observations, int liveWireScenarios) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CellStrength of(List<Observation> observations) {
        Set<String> scenarios = new TreeSet<>();
        Set<String> live = new TreeSet<>();
        int exercised = 0;
        for (Observation o : observations) {
            if (!o.exercised()) {
                continue;
            }
            exercised++;
            scenarios.add(o.location());
            if (o.liveWire()) {
                live.add(o.location());
            }
        }
        return new CellStrength(scenarios.size(), exercised, live.size());
    }

    /** At least one observation was an answer a live target sent (not the embedded emulator's, not refused unsent). */
    boolean liveWire() {
        return liveWireScenarios > 0;
    }

    /** Exercised, but by one scenario only: losing it would hide what the cell shows. */
    boolean single() {
        return scenarios == 1;
    }

    /** "5 scenarios, 7 observations, 3 on the wire of a live run" / "1 scenario, 1 observation". */
    String describe() {
        return scenarios + (scenarios == 1 ? " scenario, " : " scenarios, ") + observations
                + (observations == 1 ? " observation" : " observations")
                + (liveWire() ? ", " + liveWireScenarios + " on the wire of a live run" : "");
    }

    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("scenarios", scenarios);
        json.put("observations", observations);
        json.put("liveWire", liveWire());
        json.put("liveWireScenarios", liveWireScenarios);
        return json;
    }
}

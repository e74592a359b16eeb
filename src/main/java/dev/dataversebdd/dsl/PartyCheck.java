package dev.dataversebdd.dsl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/** Checks on an activity's party list. */
@API(status = API.Status.STABLE, since = "0.1")
public final class PartyCheck {
    private final ReadBack readBack;
    private final Set<Party.Entry> found;

    PartyCheck(ReadBack readBack, Set<Party.Entry> found) {
        this.readBack = readBack;
        this.found = found;
    }

    /** Exactly these parties, in any order. */
    public PartyCheck are(Party... parties) {
        return are(List.of(parties));
    }

    /** Exactly these parties, in any order. */
    public PartyCheck are(List<Party> parties) {
        Set<Party.Entry> expected = new LinkedHashSet<>();
        for (Party party : parties) {
            expected.add(party.entry());
        }
        if (!expected.equals(found)) {
            throw readBack.fail(describeAll(expected), describeAll(found), "check the parties of " + readBack.row().describe());
        }
        return this;
    }

    /** These parties are among the activity's (others may be there too). */
    public PartyCheck include(List<Party> parties) {
        Set<Party.Entry> expected = new LinkedHashSet<>();
        for (Party party : parties) {
            expected.add(party.entry());
        }
        if (!found.containsAll(expected)) {
            throw readBack.fail("parties including " + describeAll(expected), describeAll(found), "check the parties of "
                    + readBack.row().describe());
        }
        return this;
    }

    private String describeAll(Set<Party.Entry> entries) {
        return entries.isEmpty() ? "no parties" : entries.stream().map(e -> Participation.ofMask(e.mask()).label() + " "
                + (e.partyId() == null ? "nobody" : readBack.describe(e.partyId()))).sorted().toList().toString();
    }
}

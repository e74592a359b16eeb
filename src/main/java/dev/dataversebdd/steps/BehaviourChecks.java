package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RowRef;
import java.util.List;

/**
 * Read-backs that hold only under one mode of an observed [CONFLICT]/[INF] behaviour: each runs when the behaviour
 * showed that mode, and is skipped otherwise (see {@link dev.dataversebdd.dsl.Behaviours#when}).
 */
final class BehaviourChecks {

    private final DataverseSession session;
    private final String behaviour;
    private final String mode;

    BehaviourChecks(DataverseSession session, String behaviour, String mode) {
        this.session = session;
        this.behaviour = behaviour;
        this.mode = mode;
    }

    void pointsTo(RowRef row, String navigation, RowRef target) {
        session.behaviours().when(behaviour, mode, () -> session.expect(row).lookup(navigation).pointsTo(target));
    }

    void isEmpty(RowRef row, String navigation) {
        session.behaviours().when(behaviour, mode, () -> session.expect(row).hasNothingIn(navigation));
    }

    void contains(RowRef row, String navigation, RowRef member) {
        session.behaviours().when(behaviour, mode, () -> session.expect(row).collection(navigation).contains(member));
    }

    void holds(RowRef row, String navigation, int count) {
        session.behaviours().when(behaviour, mode, () -> session.expect(row).collection(navigation).hasSize(count));
    }

    void partiesAre(RowRef activity, List<Party> parties) {
        session.behaviours().when(behaviour, mode, () -> session.expect(activity).parties().are(parties));
    }
}

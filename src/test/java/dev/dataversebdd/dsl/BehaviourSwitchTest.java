package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import dev.dataversebdd.targets.EmbeddedEmulatorTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A behaviour switch is checked where it is named, not by the emulator at the next unrelated request. */
class BehaviourSwitchTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();
    private final Dataverse dataverse = Dataverse.connect(EmbeddedEmulatorTarget.of(emulator));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void should_refuse_a_misspelt_behaviour_with_a_did_you_mean_and_keep_the_session_usable() {
        try (DataverseSession dv = dataverse.openSession()) {
            // WHEN a behaviour is misspelt
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> dv.behaviours().switchTo("bind-nul", "rejected"));
            // THEN it is refused at once, with the closest name and the list
            assertThat(refused.getMessage(), equalTo("there is no behaviour 'bind-nul'; did you mean 'bind-null'? "
                    + "The behaviours are [activity-party-put, bind-null, delete-ref-without-id, disassociate-unrelated, "
                    + "duplicate-association, relative-odata-id, security-impersonation-privileges, "
                    + "security-list-no-privilege, security-lookup-clear, security-modernized-bu, security-nn-associate, "
                    + "security-retrieve-inaccessible, unknown-segment-code] (src/site/markdown/behaviours.md)."));
            // AND the next, unrelated request is not affected
            dv.create(NewRow.of("account", "Contoso")).outcome().isNoContent();
        }
    }

    @Test
    void should_refuse_a_mode_the_behaviour_does_not_have_naming_its_modes() {
        try (DataverseSession dv = dataverse.openSession()) {
            IllegalArgumentException close = assertThrows(IllegalArgumentException.class,
                    () -> dv.behaviours().switchTo("bind-null", "reject"));
            assertThat(close.getMessage(), equalTo("behaviour 'bind-null' has no mode 'reject'; did you mean "
                    + "'rejected'? Its modes are [clears, rejected, ignored]."));
            IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                    () -> dv.behaviours().switchTo("relative-odata-id", "sometimes"));
            assertThat(far.getMessage(), equalTo("behaviour 'relative-odata-id' has no mode 'sometimes'. Its modes are "
                    + "[reject, accept]."));
        }
    }

    @Test
    void should_know_every_behaviour_and_mode_the_emulator_switches() {
        // The DSL's catalogue is written independently of the emulator's; each must accept what the other names.
        for (Behaviour behaviour : Behaviour.values()) {
            assertThat(behaviour.key(), BehaviourObservation.MODES.get(behaviour.key()).keySet().stream().toList(),
                    equalTo(behaviour.modes()));
        }
        assertThat(BehaviourObservation.MODES.size(), equalTo(Behaviour.values().length));
    }
}

package dev.dataversebdd.safety;

import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * How the scenario names a row, for refusals and cleanup problems ({@code opportunity "Their deal"}). Names belong to
 * the DSL; the safety net asks for them and keeps none.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
@FunctionalInterface
public interface RowLabels {

    /** The scenario's name of the row, e.g. {@code account "Contoso"}; empty for a row it has not named. */
    Optional<String> of(UUID id);
}

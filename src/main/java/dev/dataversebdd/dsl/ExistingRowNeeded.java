package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * A scenario needs a row that a live run may not create and that {@code dataverse.existing-rows} does not name: a
 * business unit or a user. The message says which row and the setting line that names it. The step library skips
 * such a scenario with that message; plain JUnit tests see it as the failure it is.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class ExistingRowNeeded extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ExistingRowNeeded(String message) {
        super(message);
    }
}

package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * The answer to a create: the new row, and the outcome to check.
 *
 * <pre>{@code
 * RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 * dv.create(NewRow.of("contact", "Ann").bind("parentcustomerid", contoso)).outcome().failsWith(400);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Created {

    private final Outcome outcome;
    private final RowRef row;

    Created(Outcome outcome, RowRef row) {
        this.outcome = outcome;
        this.row = row;
    }

    /** The created row; fails with the whole exchange when the target did not create it. */
    public RowRef row() {
        if (row == null) {
            throw outcome.fail("204 No Content or 201 Created", outcome.exchange().statusLine());
        }
        return row;
    }

    public Outcome outcome() {
        return outcome.about(row);
    }
}

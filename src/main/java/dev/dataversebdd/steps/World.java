package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.BatchOutcome;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.ExistingRowNeeded;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Outcome;
import dev.dataversebdd.dsl.RawRequest;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.Security;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * One scenario's state, injected by the object factory (PicoContainer, or cucumber-spring given a scenario-scoped
 * bean) into every step class: the DSL session, the outcome of the last action (which the Then steps check), and
 * the few things steps need beyond the DSL, so that each step is one call. A team's own step classes can take it in
 * their constructor too.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class World {

    private static final Pattern ROW_CELL = Pattern.compile("([A-Za-z][A-Za-z0-9_]*) \"([^\"]*)\"");

    private DataverseSession session;
    private java.nio.file.Path metadataDir;
    private Outcome outcome;
    private BatchOutcome batch;

    public DataverseSession session() {
        if (session == null) {
            session = RunContext.dataverse(metadataDir).openSession();
        }
        return session;
    }

    /** The scenario runs on an emulator loaded from this capture of an org ({@code @metadata-dir:<folder>}). */
    void useMetadataDir(java.nio.file.Path folder) {
        if (session != null) {
            throw new IllegalStateException("a scenario's metadata folder must be chosen before its first step");
        }
        this.metadataDir = folder;
    }

    /**
     * {@code navigation}, checked against the table of the row the sentence says has it: two rows swapped in a step
     * fail here, naming the table that has it, before anything is sent.
     */
    public String navigationOf(RowRef owner, String navigation) {
        return session().names().requireNavigation(owner, navigation);
    }

    /** {@code navigation}, checked against {@code table}, for a row about to be created. */
    public String navigationOf(String table, String navigation) {
        return session().names().requireNavigation(table, navigation);
    }

    /** Remembers what the last When step got back. */
    public Outcome outcome(Outcome latest) {
        this.outcome = latest;
        return latest;
    }

    public Outcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("no request has been made yet in this scenario: a When step must come first");
        }
        return outcome;
    }

    /** The scenario's record for the conformance matrix; none when it never reached the target. */
    Optional<String> conformanceRecord() {
        return session == null ? Optional.empty() : Optional.of(session.conformanceRecord());
    }

    /** Remembers what the last batch step got back. */
    public BatchOutcome batch(BatchOutcome latest) {
        this.batch = latest;
        return latest;
    }

    public BatchOutcome batch() {
        if (batch == null) {
            throw new IllegalStateException("no batch has been sent yet in this scenario: a When step that sends one must "
                    + "come first");
        }
        return batch;
    }

    /** Raw step text with its placeholders filled in ({@code {Alias}}, {@code {root}}, …; see Placeholders). */
    public String interpolate(String text) {
        return Placeholders.fill(text, session());
    }

    /** A raw request to an interpolated path. */
    public RawRequest request(String method, String path) {
        return session().send(method, interpolate(path));
    }

    /** Rows named as steps name them, {@code contact "Ann"}, one a cell; a cell of another shape says so. */
    public RowRef[] rows(List<String> cells) {
        RowRef[] rows = new RowRef[cells.size()];
        for (int i = 0; i < rows.length; i++) {
            Matcher m = ROW_CELL.matcher(cells.get(i).trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + cells.get(i) + "' does not name a row: write it as a step does, "
                        + "table and alias, e.g. contact \"Ann\"");
            }
            rows[i] = session().row(m.group(1), m.group(2));
        }
        return rows;
    }

    /** A Given row: an existing row named in configuration, else a new one; set up on the cheaper client. */
    public RowRef given(NewRow row) {
        return session().arrange(() -> session().provide(row));
    }

    /** A Given row created with these values, set up on the cheaper client. */
    public RowRef givenCreated(NewRow row) {
        return session().arrange(() -> session().create(row).row());
    }

    /** A Given association, set up on the cheaper client and checked. */
    public void givenAssociated(RowRef row, RowRef parent, String navigation) {
        session().arrange(() -> session().associate(row).to(parent).via(navigation).isNoContent());
    }

    /** {@code count} new rows added to the parent's collection-valued navigation property, set up on the cheaper client. */
    public void givenMany(RowRef parent, int count, String table, String navigation) {
        session().arrange(() -> {
            for (int i = 1; i <= count; i++) {
                RowRef member = session().create(NewRow.of(table, parent.alias() + " " + table + " " + i)).row();
                session().associate(member).to(parent).via(navigation).isNoContent();
            }
            return null;
        });
    }

    /** A Given lookup, bound with PATCH on the cheaper client and checked. */
    public void givenBound(RowRef row, String navigation, RowRef target) {
        session().arrange(() -> session().update(row).bind(navigation, target).send().isNoContent());
    }

    /** Security set-up (business units, roles, users, owners), on the cheaper client, through an existing row where named. */
    public <T> T security(Function<Security, T> setUp) {
        try {
            return session().arrange(() -> setUp.apply(session().security()));
        } catch (ExistingRowNeeded missing) {
            // a live org without the users or units the scenario needs: not a failure of the target, skipped with why
            throw new TestAbortedException(missing.getMessage());
        }
    }

    /** Read-backs that run only when the observed behaviour showed {@code mode}. */
    BehaviourChecks under(String behaviour, String mode) {
        return new BehaviourChecks(session(), behaviour, mode);
    }

    /** Headers for the next raw request only, their values with placeholders filled in. */
    public void nextRequestHeaders(Map<String, String> headers) {
        headers.forEach((name, value) -> session().headerForNextRequest(name, interpolate(value)));
    }

    void close() {
        if (session != null) {
            DataverseSession closing = session;
            session = null;
            closing.close();
        }
    }
}

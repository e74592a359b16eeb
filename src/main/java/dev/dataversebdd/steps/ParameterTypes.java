package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Participation;
import dev.dataversebdd.dsl.ReferenceForm;
import dev.dataversebdd.dsl.RowRef;
import dev.dataversebdd.dsl.TableNotOnTarget;
import io.cucumber.java.ParameterType;
import java.util.Locale;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * The domain words of the step library. A misspelt alias, table or navigation property fails here, at
 * conversion, with a message that lists what exists, before any request is sent.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ParameterTypes {

    private final World world;

    public ParameterTypes(World world) {
        this.world = world;
    }

    /** {@code account "Contoso"}: a row the scenario created, by table and alias. */
    @ParameterType("([A-Za-z][A-Za-z0-9_]*) \"([^\"]*)\"")
    public RowRef row(String table, String alias) {
        try {
            return world.session().row(table, alias);
        } catch (TableNotOnTarget missing) {
            throw new TestAbortedException(missing.getMessage()); // the target cannot run it: skipped, with why
        }
    }

    /** A table by logical name ({@code account}) or entity set ({@code accounts}). */
    @ParameterType("[A-Za-z][A-Za-z0-9_]*")
    public String table(String name) {
        try {
            return world.session().names().requireTable(name);
        } catch (TableNotOnTarget missing) {
            throw new TestAbortedException(missing.getMessage());
        }
    }

    /** A navigation property of some table in the target's schema ({@code opportunity_customer_accounts}). */
    @ParameterType("[A-Za-z][A-Za-z0-9_]*")
    public String nav(String name) {
        return world.session().names().requireNavigation(name);
    }

    /** The part a party plays in an activity, as Dataverse's participation types name it: {@code to}, {@code cc}, … */
    @ParameterType("sender|to|cc|bcc|required attendee|optional attendee|organizer|regarding|owner|resource|customer")
    public Participation participation(String label) {
        return Participation.ofLabel(label);
    }

    /**
     * How requests name another row: {@code absolute} ({@code http://host/api/data/v9.2/accounts(…)}),
     * {@code root-relative} ({@code /accounts(…)}) or {@code relative} ({@code accounts(…)}).
     */
    @ParameterType("absolute|root-relative|relative")
    public ReferenceForm referenceForm(String form) {
        return ReferenceForm.valueOf(form.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** An HTTP method in capitals: the usual ones, or any other word, to see how the target refuses it. */
    @ParameterType("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|MERGE|[A-Z]+")
    public String method(String method) {
        return method;
    }
}

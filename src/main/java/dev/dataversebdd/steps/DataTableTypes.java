package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Change;
import dev.dataversebdd.dsl.ModeAnswer;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.Participation;
import dev.dataversebdd.dsl.Party;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.DataTableType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Table rows that read as domain objects. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DataTableTypes {

    static final Pattern ROW = Pattern.compile("([A-Za-z][A-Za-z0-9_]*) \"([^\"]*)\"");

    private final World world;

    public DataTableTypes(World world) {
        this.world = world;
    }

    /** A one-column table of rows: {@code | task "Call back" |}. */
    @DataTableType
    public RowRef rowCell(String cell) {
        Matcher m = ROW.matcher(cell.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + cell + "' does not name a row; write it as: table \"alias\", "
                    + "e.g. contact \"Ann\"");
        }
        return world.session().row(m.group(1), m.group(2));
    }

    /** {@code | participation | party |}, e.g. {@code | to | contact "Ann" |}. */
    @DataTableType
    public Party party(Map<String, String> entry) {
        String columns = "| participation | party |";
        return Party.of(Participation.ofLabel(required(entry, "participation", columns)),
                rowCell(required(entry, "party", columns)));
    }

    /** {@code | mode | status | code |} of a probe: what the mode answers it, the code empty where any will do. */
    @DataTableType
    public ModeAnswer modeAnswer(Map<String, String> entry) {
        String columns = "| mode | status | code |";
        String mode = required(entry, "mode", columns);
        String status = required(entry, "status", columns).trim();
        if (!status.matches("\\d{3}")) {
            throw new IllegalArgumentException("the status of mode '" + mode + "' is '" + status + "'; write an HTTP "
                    + "status such as 204 or 403");
        }
        String code = entry.get("code");
        return new ModeAnswer(mode, Integer.parseInt(status), code == null || code.isBlank() ? null : code.trim());
    }

    /**
     * {@code | property | value |} of an update: {@code account "Contoso"} binds, {@code null} clears, anything else
     * is a column value.
     */
    @DataTableType
    public Change change(Map<String, String> entry) {
        String columns = "| property | value |";
        String property = required(entry, "property", columns);
        String value = required(entry, "value", columns);
        Matcher row = ROW.matcher(value.trim());
        return row.matches() ? Change.bind(property, world.session().row(row.group(1), row.group(2)))
                : Change.text(property, value);
    }

    /**
     * {@code | path | table | name |} of a deep insert, and optionally more columns: a column value, or a bind
     * ({@code account "Contoso"}) under the navigation property's name; an empty cell means "not set".
     */
    @DataTableType
    public NewRow.Nested nestedRow(Map<String, String> entry) {
        String columns = "| path | table | name |";
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, RowRef> binds = new LinkedHashMap<>();
        entry.forEach((column, cell) -> {
            if (Set.of("path", "table", "name").contains(column) || cell == null || cell.isBlank()) {
                return;
            }
            Change change = change(Map.of("property", column, "value", cell));
            if (change.target() != null) {
                binds.put(column, change.target());
            } else {
                values.put(column, change.value());
            }
        });
        return new NewRow.Nested(required(entry, "path", columns), required(entry, "table", columns),
                required(entry, "name", columns), values, binds);
    }

    private static String required(Map<String, String> entry, String column, String columns) {
        String value = entry.get(column);
        if (value == null) {
            throw new IllegalArgumentException("this table needs the columns " + columns + "; this row has "
                    + entry.keySet());
        }
        return value;
    }
}

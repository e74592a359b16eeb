package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.Batch;
import dev.dataversebdd.dsl.BatchOutcome;
import dev.dataversebdd.dsl.ChangeSet;
import dev.dataversebdd.dsl.DataverseSession;
import dev.dataversebdd.dsl.NewRow;
import dev.dataversebdd.dsl.RowRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Change sets as a step writes them, one request a line, in the business's words:
 * <pre>
 * | change set | request   | row                    | navigation                    | other row         |
 * | 1          | create    | account "Contoso"      |                               |                   |
 * | 1          | associate | opportunity "Big deal" | opportunity_customer_accounts | account "Contoso" |
 * </pre>
 * {@code create} makes the row; {@code associate}/{@code disassociate} add the row to, or take it from, the
 * navigation property of the other row; {@code rebind} (PUT $ref) and {@code bind} (PATCH) point the row's
 * navigation property at the other row; {@code unbind} (PATCH with null) and {@code clear} (DELETE $ref) empty it.
 * A row created earlier in the same change set is referenced by its Content-ID; {@code contact "{missing}"} names a
 * row that does not exist. The {@code change set} column may be left out when there is one.
 */
final class BatchTable {

    private static final List<String> REQUESTS = List.of("create", "associate", "disassociate", "rebind", "bind",
            "unbind", "clear");

    private BatchTable() {
    }

    static BatchOutcome send(DataverseSession dv, List<Map<String, String>> lines, boolean continueOnError) {
        Map<Integer, List<Map<String, String>>> changeSets = new TreeMap<>();
        for (Map<String, String> line : lines) {
            String number = line.getOrDefault("change set", "1");
            changeSets.computeIfAbsent(Integer.parseInt(number.trim()), n -> new ArrayList<>()).add(line);
        }
        Batch batch = dv.batch();
        changeSets.values().forEach(requests -> batch.changeSet(cs -> write(dv, cs, requests)));
        return continueOnError ? batch.continueOnError().send() : batch.send();
    }

    private static void write(DataverseSession dv, ChangeSet cs, List<Map<String, String>> lines) {
        Map<String, RowRef> createdHere = new HashMap<>();
        for (Map<String, String> line : lines) {
            String request = required(line, "request").toLowerCase(Locale.ROOT);
            if (request.equals("create")) {
                Matcher named = named(required(line, "row"));
                createdHere.put(line.get("row").trim(), cs.create(NewRow.of(dv.names().requireTable(named.group(1)), named.group(2))));
                continue;
            }
            RowRef row = row(dv, createdHere, line.get("row"));
            switch (request) {
                case "associate" -> cs.associate(row).to(other(dv, createdHere, line)).via(required(line, "navigation"));
                case "disassociate" -> cs.disassociate(row).from(other(dv, createdHere, line))
                        .via(required(line, "navigation")).byIdQuery();
                case "rebind" -> cs.rebind(row).via(required(line, "navigation")).to(other(dv, createdHere, line));
                case "bind" -> cs.update(row).bind(required(line, "navigation"), other(dv, createdHere, line)).send();
                case "unbind" -> cs.update(row).unbind(required(line, "navigation")).send();
                case "clear" -> cs.disassociate(row).via(required(line, "navigation"));
                default -> throw new IllegalArgumentException("unknown request '" + request + "' in a change set "
                        + "table; the requests are " + REQUESTS);
            }
        }
    }

    private static RowRef other(DataverseSession dv, Map<String, RowRef> createdHere, Map<String, String> line) {
        return row(dv, createdHere, required(line, "other row"));
    }

    private static RowRef row(DataverseSession dv, Map<String, RowRef> createdHere, String cell) {
        RowRef pending = createdHere.get(cell.trim());
        if (pending != null) {
            return pending;
        }
        Matcher named = named(cell);
        return named.group(2).equals("{missing}") ? dv.names().missingRow(named.group(1)) : dv.row(named.group(1), named.group(2));
    }

    private static Matcher named(String cell) {
        Matcher named = DataTableTypes.ROW.matcher(cell.trim());
        if (!named.matches()) {
            throw new IllegalArgumentException("'" + cell + "' does not name a row; write it as: table \"alias\", e.g. "
                    + "contact \"Ann\"");
        }
        return named;
    }

    private static String required(Map<String, String> line, String column) {
        String value = line.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a change set line needs a '" + column + "' cell; columns: | change set "
                    + "| request | row | navigation | other row |, got " + line);
        }
        return value.trim();
    }
}

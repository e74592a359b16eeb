package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Finds the rows the run did not create that deleting a row would reach. Every one-to-many relationship counts,
 * whatever its delete behaviour: Cascade would delete the foreign child, RemoveLink would change it, Restrict would
 * refuse the delete. So the walk reads the actual children along each of them, and goes on below the children the
 * run owns (a cascade may pass through them). Activity parties belong to their activity and count as its own; so do
 * the copies Dataverse keeps of a role in the business units beneath the role's (their {@code parentrootroleid} is
 * the role), which go when the role goes.
 */
final class CascadeWalk {

    /** Dataverse allows at most 15 {@code $expand} options in one query. */
    private static final int EXPANDS_PER_READ = 15;
    private static final String ACTIVITY_PARTY = "activityparty";
    private static final String ROLE = "role";
    private static final String ROOT_ROLE = "_parentrootroleid_value";

    /** A foreign row under a row about to be deleted, and the relationship that holds it there. */
    record Blocker(RowId row, RowId parent, String navigation) {
        String describe() {
            return row + " (in " + navigation + " of " + parent + ")";
        }
    }

    private final Reads reads;

    CascadeWalk(Reads reads) {
        this.reads = reads;
    }

    /** Every foreign row that deleting {@code root} would reach; empty when the delete is safe. */
    List<Blocker> blockers(RowId root, Predicate<UUID> owned) throws Reads.Unanswered {
        List<Blocker> blockers = new ArrayList<>();
        Deque<RowId> pending = new ArrayDeque<>(List.of(root));
        Set<UUID> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            RowId row = pending.pop();
            if (!seen.add(row.id())) {
                continue;
            }
            ClientSchema.Table table = reads.table(row);
            List<ClientSchema.Navigation> children = table.navigations().values().stream()
                    .filter(n -> reads.schema().childSide(n).isPresent()).sorted(Comparator.comparing(
                            ClientSchema.Navigation::name)).toList();
            for (int from = 0; from < children.size(); from += EXPANDS_PER_READ) {
                List<ClientSchema.Navigation> group = children.subList(from, Math.min(children.size(), from + EXPANDS_PER_READ));
                Optional<JsonNode> json = reads.row(row.path() + "?$select=" + table.primaryKey() + "&$expand="
                        + String.join(",", group.stream().map(this::expand).toList()), "read the rows below " + row);
                if (json.isEmpty()) {
                    break; // already gone
                }
                for (ClientSchema.Navigation nav : group) {
                    ClientSchema.Table childTable = reads.schema().table(nav.targetTable()).orElseThrow();
                    for (JsonNode child : json.get().path(nav.name())) {
                        if (owned.test(UUID.fromString(child.path(childTable.primaryKey()).asText())) && !cascades(table, nav)) {
                            continue; // the run's own row, only unlinked (the org says so): nothing below it is reached
                        }
                        RowId childRow = new RowId(childTable.logicalName(), childTable.entitySet(),
                                UUID.fromString(child.path(childTable.primaryKey()).asText()));
                        if (owned.test(childRow.id()) || belongsToOwnedActivity(childTable, child, owned)
                                || isCopyOfOwnedRole(childTable, child, owned)) {
                            pending.push(childRow);
                        } else {
                            blockers.add(new Blocker(childRow, row, nav.name()));
                        }
                    }
                }
            }
        }
        return blockers;
    }

    /**
     * False only when the org's own relationship definitions say the delete removes the link (or is restricted)
     * rather than cascading ({@code CascadeConfiguration/Delete}, D24; a {@code $metadata} document carries none):
     * then the run's own child is not deleted with its parent, and nothing below it is reached through it.
     */
    private boolean cascades(ClientSchema.Table parent, ClientSchema.Navigation nav) {
        return reads.deleteAction(parent.logicalName(), nav.name()).map("Cascade"::equals).orElse(true);
    }

    private String expand(ClientSchema.Navigation nav) {
        ClientSchema.Table child = reads.schema().table(nav.targetTable()).orElseThrow();
        String select = child.primaryKey() + (child.logicalName().equals(ACTIVITY_PARTY) && child.columns()
                .contains("_activityid_value") ? ",_activityid_value" : "")
                + (child.logicalName().equals(ROLE) && child.columns().contains(ROOT_ROLE) ? "," + ROOT_ROLE : "");
        return nav.name() + "($select=" + select + ")";
    }

    private static boolean isCopyOfOwnedRole(ClientSchema.Table table, JsonNode child, Predicate<UUID> owned) {
        if (!table.logicalName().equals(ROLE)) {
            return false;
        }
        String root = child.path(ROOT_ROLE).asText(null);
        return root != null && owned.test(UUID.fromString(root));
    }

    private static boolean belongsToOwnedActivity(ClientSchema.Table table, JsonNode child, Predicate<UUID> owned) {
        if (!table.logicalName().equals(ACTIVITY_PARTY)) {
            return false;
        }
        String activity = child.path("_activityid_value").asText(null);
        return activity != null && owned.test(UUID.fromString(activity));
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Business units and users on a live org: a run uses the org's own, named in {@code dataverse.existing-rows}, and
 * never creates them. Dataverse gives a new business unit a default team and a copy of every role of its parent
 * (rows the run could not prove its own) and deletes a unit only once disabled; users come from Microsoft Entra ID
 * and are never deleted. Before a scenario relies on one, the org's row is checked to be what the scenario says: a
 * unit under the parent it names, a user in the unit it names holding no role the scenario did not give.
 */
final class LivePrincipals {

    private final DataverseSession session;
    private final Conversation conversation;

    LivePrincipals(DataverseSession session, Conversation conversation) {
        this.session = session;
        this.conversation = conversation;
    }

    /** The org's business unit named {@code alias}, checked to sit under {@code parent}. */
    RowRef businessUnit(String alias, RowRef parent) {
        RowRef unit = required("businessunit", alias, "Dataverse gives a new business unit a default team and a copy "
                + "of every role of its parent, rows a run cannot prove its own, and deletes a unit only once disabled");
        String actual = conversation.read("read the parent of " + unit.describe(), unit.path()
                + "?$select=_parentbusinessunitid_value", Map.of(), unit.table()).path("_parentbusinessunitid_value")
                .asText("");
        if (!actual.equalsIgnoreCase(parent.id().toString())) {
            throw new IllegalStateException(unit.describe() + " (named in dataverse.existing-rows) is under business "
                    + "unit " + (actual.isEmpty() ? "none" : actual) + " in " + where() + ", but the scenario needs it "
                    + "under " + parent.describe() + " (" + parent.id() + "): name a unit that is");
        }
        return unit;
    }

    /**
     * The org's user named {@code alias}, checked to be in {@code unit} and to hold no security role, directly or
     * through a team: the scenario's roles must be all the user has, or a refusal it expects may not come.
     */
    RowRef user(String alias, RowRef unit) {
        RowRef user = required("systemuser", alias, "users come from Microsoft Entra ID and Dataverse never deletes "
                + "them");
        String actual = conversation.read("read the business unit of " + user.describe(), user.path()
                + "?$select=_businessunitid_value", Map.of(), user.table()).path("_businessunitid_value").asText("");
        if (!actual.equalsIgnoreCase(unit.id().toString())) {
            throw new IllegalStateException(user.describe() + " (named in dataverse.existing-rows) is in business unit "
                    + actual + " in " + where() + ", but the scenario needs the user in " + unit.describe() + " ("
                    + unit.id() + "): name a user who is");
        }
        List<String> held = new ArrayList<>();
        for (JsonNode role : conversation.read("read the roles of " + user.describe(), user.path()
                + "/systemuserroles_association?$select=name", Map.of(), "role").path("value")) {
            held.add("role \"" + role.path("name").asText() + "\"");
        }
        for (JsonNode team : conversation.read("read the teams of " + user.describe(), user.path()
                + "/teammembership_association?$select=name&$expand=teamroles_association($select=name)", Map.of(),
                "team").path("value")) {
            for (JsonNode role : team.path("teamroles_association")) {
                held.add("role \"" + role.path("name").asText() + "\" through team \"" + team.path("name").asText()
                        + "\"");
            }
        }
        if (!held.isEmpty()) {
            throw new IllegalStateException(user.describe() + " (named in dataverse.existing-rows) already holds "
                    + String.join(", ", held) + " in " + where() + ": a security scenario needs a user whose only "
                    + "roles are those it gives, or a refusal it expects may not come; take those roles away in the "
                    + "org, or name another user");
        }
        return user;
    }

    private RowRef required(String table, String alias, String why) {
        Optional<RowRef> existing = session.existing(table, alias);
        if (existing.isEmpty()) {
            throw new ExistingRowNeeded("on a live org a run does not create a " + table + " (" + why + "): name the "
                    + "org's own " + table + " for \"" + alias + "\" in dataverse.existing-rows, e.g. " + table + ":"
                    + alias + "=<" + table + "id>");
        }
        return existing.get();
    }

    private String where() {
        return session.targetDescription();
    }
}

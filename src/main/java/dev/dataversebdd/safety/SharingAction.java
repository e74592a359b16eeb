package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The unbound actions that share a row ({@code GrantAccess}, {@code ModifyAccess}, {@code RevokeAccess}) read as
 * effects: the row's access changes (so it must be the run's own: a share outlives nothing the run deletes but the
 * row), and the user or team it is shared with is a row the run uses. Every other unbound action is unreadable,
 * so the guard refuses it. Their parameters are entity objects, written as Microsoft's samples write them
 * ({@code {"accountid":"…","@odata.type":"Microsoft.Dynamics.CRM.account"}}) or as a reference ({@code @odata.id}).
 */
final class SharingAction {

    private static final String NAMESPACE = "microsoft.dynamics.crm.";
    /** The action, by its lower-case name, and the parameter that names the user or team. */
    private static final Map<String, String> PRINCIPAL = Map.of("grantaccess", "PrincipalAccess/Principal",
            "modifyaccess", "PrincipalAccess/Principal", "revokeaccess", "Revokee");

    private SharingAction() {
    }

    /** Reads {@code name} with its body into {@code effects}; throws when it is no sharing action or is unreadable. */
    static void read(String name, JsonNode body, Effects effects, ClientSchema schema) throws AddressParser.Unreadable,
            Reads.Unanswered {
        String action = name.toLowerCase(Locale.ROOT);
        action = action.startsWith(NAMESPACE) ? action.substring(NAMESPACE.length()) : action;
        String principalAt = PRINCIPAL.get(action);
        if (principalAt == null) {
            throw new AddressParser.Unreadable("'" + name + "' is no entity set of the target's $metadata; of the unbound "
                    + "actions the guard reads only GrantAccess, ModifyAccess and RevokeAccess, so it cannot tell which "
                    + "rows this one changes");
        }
        if (body == null || !body.isObject()) {
            throw new AddressParser.Unreadable(name + " without a JSON object body names no row the guard can read");
        }
        RowId target = entity(body.path("Target"), "Target", effects, schema);
        effects.add(new Effect.Changes(target, "who may reach it (" + name + ")"));
        JsonNode principal = body;
        for (String step : principalAt.split("/")) {
            principal = principal.path(step);
        }
        effects.add(new Effect.Uses(entity(principal, principalAt, effects, schema), name + "'s " + principalAt));
    }

    /** An entity parameter as a row: by {@code @odata.id}, or by {@code @odata.type} and the table's primary key. */
    private static RowId entity(JsonNode parameter, String where, Effects effects, ClientSchema schema)
            throws AddressParser.Unreadable, Reads.Unanswered {
        if (!parameter.isObject()) {
            throw new AddressParser.Unreadable("its " + where + " is not an entity object");
        }
        if (parameter.path("@odata.id").isTextual()) {
            RowId row = effects.reference(parameter.path("@odata.id").asText()).row();
            if (row == null) {
                throw new AddressParser.Unreadable("its " + where + " names no row the guard can find");
            }
            return row;
        }
        String type = parameter.path("@odata.type").asText("").replaceFirst("^#", "");
        Optional<ClientSchema.Table> table = type.toLowerCase(Locale.ROOT).startsWith(NAMESPACE)
                ? schema.tableIgnoringCase(type.substring(NAMESPACE.length())) : Optional.empty();
        if (table.isEmpty()) {
            throw new AddressParser.Unreadable("its " + where + " has no @odata.type naming a table of the target's "
                    + "$metadata ('" + type + "')");
        }
        JsonNode key = parameter.path(table.get().primaryKey());
        try {
            return Effects.rowOf(table.get(), UUID.fromString(key.asText("").replaceAll("[{}]", "").trim()));
        } catch (IllegalArgumentException e) {
            throw new AddressParser.Unreadable("its " + where + " has no GUID in " + table.get().primaryKey());
        }
    }
}

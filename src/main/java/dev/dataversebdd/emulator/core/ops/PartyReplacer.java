package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.state.Row;
import java.util.HashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code PUT emails({id})/email_activity_parties} (D1, withdrawn by D2): writes an activity's party list, the one
 * collection that Dataverse lets an update replace. The {@link Behaviour#ACTIVITY_PARTY_PUT} switch decides
 * between replacing every party, replacing only the participation types present, and refusing like I2.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PartyReplacer {

    private final RowLocator rows;
    private final Linker linker;
    private final RowWriter writer;

    public PartyReplacer(RowLocator rows, Linker linker, RowWriter writer) {
        this.rows = rows;
        this.linker = linker;
        this.writer = writer;
    }

    public static boolean isPartyCollection(NavigationProperty nav) {
        return nav.kind() == NavigationProperty.Kind.ONE_TO_MANY && nav.targetType().equals("activityparty");
    }

    public void replace(Row activity, NavigationProperty nav, ObjectNode body, RequestContext context) {
        if (context.is(Behaviour.ACTIVITY_PARTY_PUT, "rejected")) {
            throw Errors.partiesStartObject();
        }
        JsonNode value = body.get("value");
        if (value == null || !value.isArray() || body.size() != 1) {
            throw Errors.badPayload("The body of PUT ../" + nav.name() + " must be {\"value\": [ ...activity parties... ]}.");
        }
        EntityType partyType = rows.schema().type(nav.targetType());
        Set<Integer> presentTypes = new HashSet<>();
        for (JsonNode party : value) {
            if (!party.isObject()) {
                throw Errors.badPayload("Each activity party must be an object, not " + Json.describe(party) + ".");
            }
            writer.validateParty(activity, partyType, (ObjectNode) party);
            presentTypes.add(party.get("participationtypemask").asInt());
        }
        boolean onlyPresentTypes = context.is(Behaviour.ACTIVITY_PARTY_PUT, "replace-present-types");
        for (Row existing : linker.related(activity, nav)) {
            int type = existing.attribute("participationtypemask") == null ? 0
                    : existing.attribute("participationtypemask").asInt();
            if (!onlyPresentTypes || presentTypes.contains(type)) {
                writer.delete(existing);
            }
        }
        for (JsonNode party : value) {
            writer.insert(partyType, (ObjectNode) party, created -> linker.associate(activity, nav, created, context),
                    context);
        }
    }
}

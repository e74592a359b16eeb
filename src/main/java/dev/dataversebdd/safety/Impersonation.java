package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The users a request acts on behalf of: {@code MSCRMCallerID} names one by {@code systemuserid},
 * {@code CallerObjectId} by Microsoft Entra object id, which is looked up. A write made as a user is attributed to
 * them ({@code createdby}, {@code modifiedby}), so such a user is a row the run uses: one it created, or one named in
 * {@code dataverse.existing-rows}. A header the guard cannot resolve to exactly one user is refused.
 */
final class Impersonation {

    static final String CALLER_ID = "MSCRMCallerID";
    static final String CALLER_OBJECT_ID = "CallerObjectId";
    private static final String USER_TABLE = "systemuser";

    private Impersonation() {
    }

    /** One {@link Effect.Uses} per impersonation header in {@code headers}. */
    static List<Effect> of(Map<String, String> headers, Reads reads) throws AddressParser.Unreadable,
            Reads.Unanswered {
        List<Effect> uses = new ArrayList<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(CALLER_ID)) {
                uses.add(new Effect.Uses(Effects.rowOf(users(reads.schema()), guid(header)), "acts on behalf of it ("
                        + CALLER_ID + ")"));
            } else if (header.getKey().equalsIgnoreCase(CALLER_OBJECT_ID)) {
                uses.add(new Effect.Uses(byObjectId(guid(header), reads), "acts on behalf of it (" + CALLER_OBJECT_ID
                        + ")"));
            }
        }
        return uses;
    }

    private static RowId byObjectId(UUID objectId, Reads reads) throws AddressParser.Unreadable, Reads.Unanswered {
        ClientSchema.Table users = users(reads.schema());
        JsonNode found = reads.row(users.entitySet() + "?$select=" + users.primaryKey()
                + "&$filter=azureactivedirectoryobjectid%20eq%20" + objectId, "find the user with Entra object id "
                + objectId).map(json -> json.path("value")).orElse(null);
        if (found == null || found.size() != 1) {
            throw new AddressParser.Unreadable(CALLER_OBJECT_ID + " " + objectId + " names " + (found == null ? "no"
                    : found.size()) + " users of the target, and the guard acts only as one user it can name");
        }
        return Effects.rowOf(users, UUID.fromString(found.get(0).path(users.primaryKey()).asText()));
    }

    private static ClientSchema.Table users(ClientSchema schema) throws AddressParser.Unreadable {
        return schema.table(USER_TABLE).orElseThrow(() -> new AddressParser.Unreadable("the request acts on behalf "
                + "of a user, but the target's $metadata has no systemuser table"));
    }

    private static UUID guid(Map.Entry<String, String> header) throws AddressParser.Unreadable {
        try {
            return UUID.fromString(header.getValue().replaceAll("[{}]", "").trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AddressParser.Unreadable("its " + header.getKey() + " header is not a GUID");
        }
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.EditDistance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Read-back checks: the state a request left, read with the GETs Microsoft documents (D6, D10).
 *
 * <pre>{@code
 * dv.expect(contoso).collection("opportunity_customer_accounts").contains(deal);
 * dv.expect(deal).lookup("customerid_account").pointsTo(contoso);
 * dv.expect(mail).parties().are(Party.of(Participation.TO, ann));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RowExpectations {

    private static final Pattern KEY = Pattern.compile("\\(([0-9a-fA-F-]{36})\\)$");

    private final Conversation conversation;
    private final Rows rows;
    private final RowRef row;
    private final ReadBack readBack;

    RowExpectations(Conversation conversation, Rows rows, RowRef row) {
        this.conversation = conversation;
        this.rows = rows;
        this.row = row;
        this.readBack = new ReadBack(row, conversation, rows.aliases());
    }

    /** The rows of a collection-valued navigation property, read as {@code GET …/{nav}/$ref}. */
    public CollectionCheck collection(String navigation) {
        JsonNode json = conversation.read("read " + navigation + " of " + row.describe(), row.path() + "/" + navigation
                + "/$ref", Map.of(), row.table());
        List<UUID> ids = new ArrayList<>();
        for (JsonNode reference : json.path("value")) {
            Matcher m = KEY.matcher(reference.path("@odata.id").asText());
            if (m.find()) {
                ids.add(UUID.fromString(m.group(1)));
            }
        }
        return new CollectionCheck(readBack, navigation, ids);
    }

    /**
     * The rows of a collection-valued navigation property in the order {@code orderBy} asks for ({@code "lastname
     * desc"}), read as {@code GET …/{nav}?$select=<key>&$orderby=…}: for {@link CollectionCheck#are(RowRef...)}.
     */
    public CollectionCheck collectionOrderedBy(String navigation, String orderBy) {
        ClientSchema.Table table = rows.table(row.table());
        ClientSchema.Navigation nav = table.navigation(navigation).filter(ClientSchema.Navigation::collection)
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no collection-valued navigation "
                        + "property '" + navigation + "'" + EditDistance.didYouMean(navigation, table.navigations().keySet())));
        String key = rows.table(nav.targetTable()).primaryKey();
        JsonNode json = conversation.read("read " + navigation + " of " + row.describe() + " ordered by " + orderBy,
                row.path() + "/" + navigation + "?$select=" + key + "&$orderby=" + orderBy, Map.of(), row.table());
        List<UUID> ids = new ArrayList<>();
        for (JsonNode member : json.path("value")) {
            ids.add(UUID.fromString(member.path(key).asText()));
        }
        return new CollectionCheck(readBack, navigation + " ordered by " + orderBy, ids);
    }

    /**
     * The rows of a collection-valued navigation property read as a client pages through them ("Page results using
     * OData", Q2): {@code GET …/{nav}?$select=<key>} with {@code Prefer: odata.maxpagesize=<pageSize>}, then every
     * {@code @odata.nextLink} as given, to the end. Fails if a page is larger than asked, the preference is not
     * echoed, a row comes twice, or the links never end.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public CollectionCheck collectionInPagesOf(String navigation, int pageSize) {
        ClientSchema.Table table = rows.table(row.table());
        ClientSchema.Navigation nav = table.navigation(navigation).filter(ClientSchema.Navigation::collection)
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no collection-valued navigation "
                        + "property '" + navigation + "'"));
        String key = rows.table(nav.targetTable()).primaryKey();
        String what = "page through " + navigation + " of " + row.describe() + ", " + pageSize + " at a time";
        String next = row.path() + "/" + navigation + "?$select=" + key;
        Set<UUID> seen = new LinkedHashSet<>();
        for (int pages = 0; next != null; pages++) {
            if (pages > Math.max(1_000, 10_000 / pageSize)) {
                throw readBack.fail("the @odata.nextLink chain to end", "more than " + pages + " pages", what);
            }
            JsonNode page = conversation.read(what, next, Map.of("Prefer", "odata.maxpagesize=" + pageSize), row.table());
            String applied = conversation.lastRead().responseHeader("Preference-Applied");
            if (applied == null || !applied.contains("odata.maxpagesize=" + pageSize)) {
                throw readBack.fail("Preference-Applied: odata.maxpagesize=" + pageSize, applied == null
                        ? "no Preference-Applied header" : "Preference-Applied: " + applied, what);
            }
            if (page.path("value").size() > pageSize) {
                throw readBack.fail("at most " + pageSize + " rows a page", page.path("value").size() + " rows", what);
            }
            for (JsonNode member : page.path("value")) {
                UUID id = UUID.fromString(member.path(key).asText());
                if (!seen.add(id)) {
                    throw readBack.fail("each row once", id + " on two pages", what);
                }
            }
            next = page.hasNonNull("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
        }
        return new CollectionCheck(readBack, navigation + " read in pages of " + pageSize, new ArrayList<>(seen));
    }

    /** A single-valued navigation property, read through its lookup property ({@code $select=_x_value}). */
    public LookupCheck lookup(String singleNavigation) {
        ClientSchema.Table table = rows.table(row.table());
        ClientSchema.Navigation nav = table.navigation(singleNavigation).filter(n -> !n.collection())
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no single-valued navigation property '"
                        + singleNavigation + "'" + EditDistance.didYouMean(singleNavigation, table.navigations().keySet())));
        String lookup = nav.lookupProperty();
        JsonNode json = conversation.read("read " + lookup + " of " + row.describe(), row.path() + "?$select=" + lookup,
                Map.of("Prefer", "odata.include-annotations=\"*\""), row.table());
        JsonNode value = json.path(lookup);
        UUID id = value.isTextual() ? UUID.fromString(value.asText()) : null;
        String logicalName = json.path(lookup + "@Microsoft.Dynamics.CRM.lookuplogicalname").asText(null);
        String shown = json.path(lookup + "@OData.Community.Display.V1.FormattedValue").asText(null);
        return new LookupCheck(readBack, singleNavigation, nav, id, logicalName, shown);
    }

    /** A column's value, read with {@code $select}. */
    public ColumnCheck column(String name) {
        if (!rows.table(row.table()).columns().contains(name)) {
            throw new IllegalArgumentException(row.table() + " has no column '" + name + "'"
                    + EditDistance.didYouMean(name, rows.table(row.table()).columns()));
        }
        JsonNode json = conversation.read("read " + name + " of " + row.describe(), row.path() + "?$select=" + name,
                Map.of(), row.table());
        return new ColumnCheck(readBack, name, json.path(name));
    }

    /** The activity's parties, read as {@code GET …/{table}_activity_parties}. */
    public PartyCheck parties() {
        String navigation = row.table() + "_activity_parties";
        JsonNode json = conversation.read("read the parties of " + row.describe(), row.path() + "/" + navigation
                + "?$select=participationtypemask,_partyid_value", Map.of(), row.table());
        Set<Party.Entry> found = new LinkedHashSet<>();
        for (JsonNode party : json.path("value")) {
            String partyId = party.path("_partyid_value").asText(null);
            found.add(new Party.Entry(party.path("participationtypemask").asInt(),
                    partyId == null ? null : UUID.fromString(partyId)));
        }
        return new PartyCheck(readBack, found);
    }

    /**
     * What this user may do to {@code row}: {@code GET systemusers({id})/Microsoft.Dynamics.CRM.RetrievePrincipalAccess
     * (Target=@tid)?@tid={'@odata.id':'accounts({id})'}}. {@code dv.expect(dana).hasAccessTo(contoso).including(READ)}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public AccessCheck hasAccessTo(RowRef target) {
        String what = "read the access of " + row.describe() + " to " + target.describe();
        String alias = URLEncoder.encode("{'@odata.id':'" + target.path() + "'}",
                StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode json = conversation.read(what, row.path() + "/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@tid)"
                + "?@tid=" + alias, Map.of(), row.table());
        return new AccessCheck(readBack, what, AccessRight.parse(json.path("AccessRights").asText("None")));
    }

    /** This user has no right at all on {@code row} ({@code "AccessRights": "None"}). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public RowExpectations hasNoAccessTo(RowRef target) {
        AccessCheck check = hasAccessTo(target);
        if (!check.rights().isEmpty()) {
            throw readBack.fail("AccessRights None", AccessRight.mask(check.rights()), "read the access of "
                    + row.describe() + " to " + target.describe());
        }
        return this;
    }

    /** The navigation property holds nothing: an empty collection, or a null lookup. */
    public RowExpectations hasNothingIn(String navigation) {
        boolean collection = rows.table(row.table()).navigation(navigation).map(ClientSchema.Navigation::collection)
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no navigation property '" + navigation + "'"));
        if (collection) {
            collection(navigation).isEmpty();
        } else {
            lookup(navigation).isEmpty();
        }
        return this;
    }

    /** The row can be read. */
    public RowExpectations exists() {
        conversation.read("read " + row.describe(), row.path() + "?$select=" + rows.table(row.table()).primaryKey(),
                Map.of(), row.table());
        return this;
    }

    /** Reading the row answers 404 (deleted, e.g. by a cascade). */
    public RowExpectations doesNotExist() {
        var exchange = conversation.get(row.path() + "?$select=" + rows.table(row.table()).primaryKey(), Map.of());
        if (exchange.status() != 404) {
            throw readBack.fail("404 Not Found (no such row)", exchange.statusLine(), "check that " + row.describe() + " is gone");
        }
        conversation.safety().gone(row.id());
        return this;
    }

}

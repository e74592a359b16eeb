package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.dsl.internal.ClientSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-back checks: the state a request left, read with the GETs Microsoft documents (D6, D10).
 *
 * <pre>{@code
 * dv.expect(contoso).collection("opportunity_customer_accounts").contains(deal);
 * dv.expect(deal).lookup("customerid_account").pointsTo(contoso);
 * dv.expect(mail).parties().are(Party.of(Participation.TO, ann));
 * }</pre>
 */
public final class RowExpectations {

    private static final Pattern KEY = Pattern.compile("\\(([0-9a-fA-F-]{36})\\)$");

    private final DataverseSession session;
    private final RowRef row;

    RowExpectations(DataverseSession session, RowRef row) {
        this.session = session;
        this.row = row;
    }

    /** The rows of a collection-valued navigation property, read as {@code GET …/{nav}/$ref}. */
    public CollectionCheck collection(String navigation) {
        JsonNode json = session.read("read " + navigation + " of " + row.describe(), row.path() + "/" + navigation
                + "/$ref", Map.of(), row.table());
        List<UUID> ids = new ArrayList<>();
        for (JsonNode reference : json.path("value")) {
            Matcher m = KEY.matcher(reference.path("@odata.id").asText());
            if (m.find()) {
                ids.add(UUID.fromString(m.group(1)));
            }
        }
        return new CollectionCheck(navigation, ids);
    }

    /** A single-valued navigation property, read through its lookup property ({@code $select=_x_value}). */
    public LookupCheck lookup(String singleNavigation) {
        ClientSchema.Table table = session.table(row.table());
        ClientSchema.Navigation nav = table.navigation(singleNavigation).filter(n -> !n.collection())
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no single-valued navigation property '"
                        + singleNavigation + "'" + ClientSchema.closest(singleNavigation, table.navigations().keySet())
                        .map(c -> "; did you mean '" + c + "'?").orElse("")));
        String lookup = nav.lookupProperty();
        JsonNode json = session.read("read " + lookup + " of " + row.describe(), row.path() + "?$select=" + lookup,
                Map.of("Prefer", "odata.include-annotations=\"*\""), row.table());
        JsonNode value = json.path(lookup);
        UUID id = value.isTextual() ? UUID.fromString(value.asText()) : null;
        String logicalName = json.path(lookup + "@Microsoft.Dynamics.CRM.lookuplogicalname").asText(null);
        return new LookupCheck(singleNavigation, nav, id, logicalName);
    }

    /** The activity's parties, read as {@code GET …/{table}_activity_parties}. */
    public PartyCheck parties() {
        String navigation = row.table() + "_activity_parties";
        JsonNode json = session.read("read the parties of " + row.describe(), row.path() + "/" + navigation
                + "?$select=participationtypemask,_partyid_value", Map.of(), row.table());
        Set<Party.Entry> found = new LinkedHashSet<>();
        for (JsonNode party : json.path("value")) {
            String partyId = party.path("_partyid_value").asText(null);
            found.add(new Party.Entry(party.path("participationtypemask").asInt(),
                    partyId == null ? null : UUID.fromString(partyId)));
        }
        return new PartyCheck(found);
    }

    /** The navigation property holds nothing: an empty collection, or a null lookup. */
    public RowExpectations hasNothingIn(String navigation) {
        boolean collection = session.table(row.table()).navigation(navigation).map(ClientSchema.Navigation::collection)
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
        session.read("read " + row.describe(), row.path() + "?$select=" + session.table(row.table()).primaryKey(),
                Map.of(), row.table());
        return this;
    }

    /** Reading the row answers 404 (deleted, e.g. by a cascade). */
    public RowExpectations doesNotExist() {
        var exchange = session.get(row.path() + "?$select=" + session.table(row.table()).primaryKey(), Map.of());
        if (exchange.status() != 404) {
            throw fail("404 Not Found (no such row)", exchange.statusLine(), "check that " + row.describe() + " is gone");
        }
        session.safety().gone(row.id());
        return this;
    }

    private String describe(UUID id) {
        return session.safety().label(id)
                .orElse(id + " (not created by this scenario)");
    }

    private AssertionError fail(String expected, String actual, String doing) {
        return session.failure("read-back", expected, actual, doing, session.lastRead(), row.table());
    }

    /** Checks on the members of a collection-valued navigation property. */
    public final class CollectionCheck {
        private final String navigation;
        private final List<UUID> ids;

        private CollectionCheck(String navigation, List<UUID> ids) {
            this.navigation = navigation;
            this.ids = List.copyOf(ids);
        }

        public CollectionCheck contains(RowRef... rows) {
            for (RowRef expected : rows) {
                if (!ids.contains(expected.id())) {
                    throw fail(navigation + " containing " + expected.describe(), actual(), sentence());
                }
            }
            return this;
        }

        public CollectionCheck doesNotContain(RowRef... rows) {
            for (RowRef unexpected : rows) {
                if (ids.contains(unexpected.id())) {
                    throw fail(navigation + " without " + unexpected.describe(), actual(), sentence());
                }
            }
            return this;
        }

        public CollectionCheck isEmpty() {
            if (!ids.isEmpty()) {
                throw fail(navigation + " empty", actual(), sentence());
            }
            return this;
        }

        public CollectionCheck hasSize(int size) {
            if (ids.size() != size) {
                throw fail(size + " rows in " + navigation, ids.size() + " rows: " + actual(), sentence());
            }
            return this;
        }

        public List<UUID> ids() {
            return ids;
        }

        private String actual() {
            return ids.isEmpty() ? "no rows" : ids.stream().map(RowExpectations.this::describe).toList().toString();
        }

        private String sentence() {
            return "check " + navigation + " of " + row.describe();
        }
    }

    /** Checks on a single-valued navigation property. */
    public final class LookupCheck {
        private final String navigation;
        private final ClientSchema.Navigation nav;
        private final UUID id;
        private final String logicalName;

        private LookupCheck(String navigation, ClientSchema.Navigation nav, UUID id, String logicalName) {
            this.navigation = navigation;
            this.nav = nav;
            this.id = id;
            this.logicalName = logicalName;
        }

        /**
         * The lookup holds {@code target}; for a multi-table lookup also checks, through the
         * {@code lookuplogicalname} annotation, that it points to this navigation property's table.
         */
        public LookupCheck pointsTo(RowRef target) {
            if (!target.id().equals(id)) {
                throw fail(nav.lookupProperty() + " = " + target.describe(), actual(), sentence());
            }
            if (logicalName != null && !logicalName.equals(nav.targetTable())) {
                throw fail(nav.lookupProperty() + " pointing to a " + nav.targetTable(), "a " + logicalName, sentence());
            }
            return this;
        }

        /**
         * Nothing through this navigation property: the lookup is null, or (multi-table lookups) it points to
         * another table's row, as {@code lookuplogicalname} tells.
         */
        public LookupCheck isEmpty() {
            boolean otherTable = logicalName != null && !logicalName.equals(nav.targetTable());
            if (id != null && !otherTable) {
                throw fail(nav.lookupProperty() + " = null", actual(), sentence());
            }
            return this;
        }

        /** The table the lookup points to, from {@code @Microsoft.Dynamics.CRM.lookuplogicalname}. */
        public LookupCheck pointsToTable(String table) {
            if (!table.equals(logicalName)) {
                throw fail(nav.lookupProperty() + " pointing to a " + table, logicalName == null ? "no lookuplogicalname"
                        : "a " + logicalName, sentence());
            }
            return this;
        }

        private String actual() {
            return id == null ? "null" : describe(id) + (logicalName == null ? "" : " (" + logicalName + ")");
        }

        private String sentence() {
            return "check " + navigation + " of " + row.describe();
        }
    }

    /** Checks on an activity's party list. */
    public final class PartyCheck {
        private final Set<Party.Entry> found;

        private PartyCheck(Set<Party.Entry> found) {
            this.found = found;
        }

        /** Exactly these parties, in any order. */
        public PartyCheck are(Party... parties) {
            return are(List.of(parties));
        }

        /** Exactly these parties, in any order. */
        public PartyCheck are(List<Party> parties) {
            Set<Party.Entry> expected = new LinkedHashSet<>();
            for (Party party : parties) {
                expected.add(party.entry());
            }
            if (!expected.equals(found)) {
                throw fail(describeAll(expected), describeAll(found), "check the parties of " + row.describe());
            }
            return this;
        }

        private String describeAll(Set<Party.Entry> entries) {
            return entries.isEmpty() ? "no parties" : entries.stream().map(e -> Participation.ofMask(e.mask()).label() + " "
                    + (e.partyId() == null ? "nobody" : describe(e.partyId()))).sorted().toList().toString();
        }
    }
}

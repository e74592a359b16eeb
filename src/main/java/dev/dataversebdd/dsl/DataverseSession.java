package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.dsl.internal.ClientSchema;
import dev.dataversebdd.dsl.internal.FailureReport;
import dev.dataversebdd.dsl.internal.Hints;
import dev.dataversebdd.dsl.internal.HttpChannel;
import dev.dataversebdd.report.AllureAttachments;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.Prepared;
import dev.dataversebdd.safety.RowId;
import dev.dataversebdd.safety.SessionSafety;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * One scenario's conversation with the target. Verbs are the Web API's own operations; each returns an
 * {@link Outcome} to assert on. The session remembers rows by alias and undoes its work on {@link #close()}.
 *
 * <pre>{@code
 * try (DataverseSession dv = dataverse.openSession()) {
 *     RowRef contoso = dv.create(NewRow.of("account", "Contoso")).row();
 *     RowRef deal = dv.create(NewRow.of("opportunity", "Big deal")).row();
 *     dv.associate(deal).to(contoso).via("opportunity_customer_accounts").isNoContent();
 *     dv.rebind(deal).via("customerid_account").to(contoso).isNoContent();
 *     dv.disassociate(deal).from(contoso).via("opportunity_customer_accounts").byIdQuery().isNoContent();
 *     dv.expect(deal).lookup("customerid_account").isEmpty();
 * }
 * }</pre>
 */
public final class DataverseSession implements AutoCloseable {

    /** The emulator's per-request behaviour header, spelled out here because the DSL never imports the emulator. */
    static final String BEHAVIOUR_HEADER = "X-Emulator-Behaviour";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY_ID = Pattern.compile("/([A-Za-z0-9_]+)\\(([0-9a-fA-F-]{36})\\)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\"]+)}");

    private final Dataverse dataverse;
    private final HttpChannel channel;
    private final AllureAttachments attachments;
    private final Hints hints;
    private final FailureReport report;
    private final SessionSafety safety;
    private final Aliases aliases = new Aliases();
    private final Map<String, String> behaviourOverrides = new LinkedHashMap<>();
    private final BehaviourObservation behaviours = new BehaviourObservation();
    private final Map<String, String> nextRequestHeaders = new LinkedHashMap<>();
    private final Set<UUID> existingRows = new java.util.HashSet<>();
    private final NewRowBodies bodies = new NewRowBodies(this);
    private final UUID missingId = UUID.randomUUID();
    private boolean arranging;
    private ReferenceForm referenceForm;
    private Supplier<String> location = () -> null;
    private RecordedExchange lastExchange;
    private RowRef lastCreated;
    private RecordedExchange lastRead;
    private Prepared lastPrepared;
    private List<RowId> lastCreatedRows = List.of();

    DataverseSession(Dataverse dataverse) {
        this.dataverse = dataverse;
        this.attachments = new AllureAttachments(dataverse.redactor());
        this.channel = dataverse.channel(attachments);
        this.hints = new Hints(dataverse.schema());
        this.report = new FailureReport(dataverse.target().description(), dataverse.redactor());
        this.safety = dataverse.safety(channel);
        safety.nameNothing(missingId);
        for (var existing : dataverse.target().existingRows()) {
            ClientSchema.Table table = table(existing.table());
            RowRef row = new RowRef(existing.alias(), table.logicalName(), table.entitySet(), existing.id());
            aliases.put(row);
            existingRows.add(existing.id());
            safety.label(existing.id(), row.describe() + " (existing)");
        }
    }

    // ---- the verbs ----

    /** POST {set}: creates the row with its binds and nested rows; {@link Created#row()} is the new row. */
    public Created create(NewRow row) {
        ClientSchema.Table table = table(row.table());
        ObjectNode body = bodies.render(row);
        Outcome outcome = call("create", "create " + table.logicalName() + " \"" + row.alias() + "\"", "POST",
                table.entitySet(), Map.of(), body.toString(), table.logicalName(), Outcome.EntityId.ANY);
        RowRef created = null;
        if (outcome.succeeded()) {
            created = registerCreated(row.alias(), table, outcome.exchange(), body, true);
        }
        return new Created(outcome, created);
    }

    /**
     * The row a scenario's Given names: the org row listed under that alias in {@code dataverse.existing-rows} when
     * there is one (a live org's users and roles cannot be created by a test run), else a new row.
     */
    public RowRef provide(NewRow row) {
        String table = requireTable(row.table());
        Optional<RowRef> existing = aliases.find(table, row.alias());
        if (existing.isPresent() && existingRows.contains(existing.get().id())) {
            return existing.get();
        }
        return create(row).row();
    }

    /** POST {parent}/{collectionNav}/$ref: {@code dv.associate(child).to(parent).via(nav)}. */
    public Associate associate(RowRef row) {
        return new Associate(this, row);
    }

    /** DELETE …/$ref in its three documented forms. */
    public Disassociate disassociate(RowRef row) {
        return new Disassociate(this, row);
    }

    /** PUT {row}/{singleNav}/$ref: {@code dv.rebind(row).via(nav).to(target)}. */
    public Rebind rebind(RowRef row) {
        return new Rebind(this, row);
    }

    /** PATCH {row}: binds ({@code nav@odata.bind}), unbinds ({@code nav: null} or {@code nav@odata.bind: null}), columns. */
    public Update update(RowRef row) {
        return new Update(this, row);
    }

    /** PUT {activity}/{activity}_activity_parties: replaces the party list (D1, withdrawn by D2). */
    public PartyReplacement replaceParties(RowRef activity) {
        return new PartyReplacement(this, activity);
    }

    /** A header for the next raw request only (e.g. {@code If-Match}, {@code Prefer}). */
    public DataverseSession headerForNextRequest(String name, String value) {
        nextRequestHeaders.put(name, value);
        return this;
    }

    /** A raw request, for conformance work: {@code dv.send("PUT", "opportunities({Big deal})/customerid_account/$ref")}. */
    public RawRequest send(String method, String path) {
        RawRequest request = new RawRequest(this, method, path).headers(nextRequestHeaders);
        nextRequestHeaders.clear();
        return request;
    }

    /** Read-back checks on a row. */
    public RowExpectations expect(RowRef row) {
        return new RowExpectations(this, row);
    }

    /**
     * Runs set-up work (the Given part of a scenario) on the cheaper JDK client instead of RestAssured; the requests
     * are checked and reported the same way. Returns what {@code setUp} returns.
     *
     * <pre>{@code
     * RowRef contoso = dv.arrange(() -> dv.create(NewRow.of("account", "Contoso")).row());
     * }</pre>
     */
    public <T> T arrange(Supplier<T> setUp) {
        boolean outer = arranging;
        arranging = true;
        try {
            return setUp.get();
        } finally {
            arranging = outer;
        }
    }

    // ---- aliases, settings ----

    /**
     * The row called {@code alias}, whatever its table; fails listing the known rows when there is none, and naming
     * both when rows of two tables share the alias.
     */
    public RowRef row(String alias) {
        return aliases.get(alias);
    }

    /** The row of {@code table} called {@code alias} ({@code account "Contoso"}). */
    public RowRef row(String table, String alias) {
        return aliases.get(requireTable(table), alias);
    }

    /** The logical name of a table the target has (by logical name or entity set); fails listing the tables. */
    public String requireTable(String name) {
        return table(name).logicalName();
    }

    /** A navigation property that some table of the target declares; fails with the closest names. */
    public String requireNavigation(String name) {
        List<String> all = dataverse.schema().tableNames().stream()
                .flatMap(t -> dataverse.schema().table(t).orElseThrow().navigations().keySet().stream()).distinct().toList();
        if (!all.contains(name)) {
            throw new IllegalArgumentException("no table of the target has a navigation property '" + name + "'"
                    + ClientSchema.closest(name, all).map(c -> "; did you mean '" + c + "'?").orElse("")
                    + " (names are case sensitive)");
        }
        return name;
    }

    /**
     * Gives a name to a row the session learned of, e.g. a row created by deep insert or a raw request. Naming a row
     * never makes it the session's own: only the session's own creates do.
     */
    public RowRef name(String alias, String table, UUID id) {
        ClientSchema.Table known = table(table);
        RowRef row = new RowRef(alias, known.logicalName(), known.entitySet(), id);
        aliases.put(row);
        safety.label(id, row.describe());
        return row;
    }

    /**
     * Names the row a single-valued navigation property of {@code row} points to, e.g. the contact a deep insert
     * created as {@code primarycontactid}. On a live org the named row is used, never deleted, unless the session
     * created it.
     */
    public RowRef nameRelated(RowRef row, String singleNavigation, String alias) {
        ClientSchema.Table table = table(row.table());
        ClientSchema.Navigation nav = table.navigation(singleNavigation).filter(n -> !n.collection())
                .orElseThrow(() -> new IllegalArgumentException(row.table() + " has no single-valued navigation property '"
                        + singleNavigation + "'"));
        JsonNode json = read("read " + nav.lookupProperty() + " of " + row.describe(), row.path() + "?$select="
                + nav.lookupProperty(), Map.of(), row.table());
        String id = json.path(nav.lookupProperty()).asText(null);
        if (id == null) {
            throw failure("read-back", singleNavigation + " of " + row.describe() + " set", "null", "name the "
                    + singleNavigation + " of " + row.describe() + " \"" + alias + "\"", lastRead, row.table());
        }
        return name(alias, nav.targetTable(), UUID.fromString(id));
    }

    /** Names the row the last create (DSL or raw POST) made, so later steps can refer to it. */
    public RowRef nameLastCreated(String alias) {
        if (lastCreated == null) {
            throw new IllegalStateException("no row has been created in this scenario yet");
        }
        return name(alias, lastCreated.table(), lastCreated.id());
    }

    /**
     * Replaces {@code {root}} with the service root, {@code {host}} with its scheme and authority
     * ({@code http://127.0.0.1:51234}), {@code {missing}} with a GUID that names no row, {@code {name:Alias}} with the
     * name the row is stored under (behind the run tag on a live org) and {@code {Alias}} with the id of that row, as raw steps write
     * paths and bodies: {@code opportunities({Big deal})/customerid_account/$ref}.
     */
    public String interpolate(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("name:") ? storedName(row(name.substring(5)).alias()) : switch (name) {
                case "missing" -> missingId().toString();
                case "root" -> serviceRoot();
                case "host" -> serviceRoot().substring(0, serviceRoot().indexOf("/api/data/"));
                default -> placeholderRow(name).id().toString();
            };
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return result.toString();
    }

    /** {@code Contoso} or, where two tables have a "Contoso", {@code account:Contoso}. */
    private RowRef placeholderRow(String name) {
        int colon = name.indexOf(':');
        if (colon > 0 && dataverse.schema().table(name.substring(0, colon)).isPresent()) {
            return row(name.substring(0, colon), name.substring(colon + 1));
        }
        return row(name);
    }

    /**
     * A GUID that names no row (the same one for the whole session), for "does not exist" checks; live runs may send
     * it safely.
     */
    public UUID missingId() {
        return missingId;
    }

    /** Sends every reference ({@code @odata.id}, {@code $id}, {@code @odata.bind}) in {@code form}; null restores the documented defaults. */
    public DataverseSession useReferenceForm(ReferenceForm form) {
        this.referenceForm = form;
        return this;
    }

    /** The scenario line failures should name, e.g. {@code features/associate/one-to-many.feature:14}. */
    public DataverseSession at(String location) {
        this.location = () -> location;
        return this;
    }

    /** Where failures happen, asked when one does (the Gherkin glue passes the running step's line). */
    public DataverseSession locatedBy(Supplier<String> location) {
        this.location = location;
        return this;
    }

    /** Switches an emulator behaviour for this session's requests only (parallel-safe); refused on a live org. */
    public DataverseSession withBehaviour(String key, String mode) {
        if (!dataverse.target().isEmulator()) {
            throw new IllegalStateException("behaviour '" + key + "' can be switched only on the embedded emulator; "
                    + dataverse.target().description() + " behaves as it does.");
        }
        behaviourOverrides.put(key, mode);
        return this;
    }

    /** The configured mode of a behaviour: this session's override, else the emulator's; empty on a live org. */
    public Optional<String> behaviourMode(String key) {
        String override = behaviourOverrides.get(key);
        return override != null ? Optional.of(override) : dataverse.target().behaviourMode(key);
    }

    /**
     * Checks an outcome against a [CONFLICT]/[INF] behaviour: on the emulator it must match the configured mode;
     * on a live org it tells which modes the org's answer fits (and fails if it fits none).
     *
     * @return the modes the outcome is consistent with
     */
    public Set<String> observeBehaviour(String key, Outcome outcome) {
        Optional<String> configured = behaviourMode(key);
        Set<String> modes = behaviours.observe(key, configured.orElse(null), outcome);
        String note = key + ": " + String.join(" or ", modes) + (configured.isPresent() ? " (configured)"
                : " (observed on " + dataverse.target().description() + ", answer " + outcome.exchange().statusLine() + ")");
        attachments.note("behaviour " + key, note);
        if (configured.isEmpty()) {
            String where = location.get();
            System.err.println("dataverse-bdd: " + (where == null ? "" : where + ": ") + "behaviour " + note);
        }
        return modes;
    }

    /** Runs a read-back that holds only under one mode of an observed behaviour (see {@link #observeBehaviour}). */
    public void whenBehaviour(String key, String mode, Runnable check) {
        behaviours.when(key, mode, check);
    }

    public String serviceRoot() {
        return dataverse.target().serviceRoot();
    }

    public boolean isEmulator() {
        return dataverse.target().isEmulator();
    }

    /** The last request and response, for raw checks. */
    public RecordedExchange lastExchange() {
        if (lastExchange == null) {
            throw new IllegalStateException("no request has been sent in this scenario yet");
        }
        return lastExchange;
    }

    /** Deletes every row the session created (newest first) and removes its links to other rows. */
    @Override
    public void close() {
        List<String> problems = safety.cleanUp();
        aliases.clear();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cleanup left work undone on " + dataverse.target().description() + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    // ---- for the verb classes ----

    Outcome call(String operation, String doing, String method, String path, Map<String, String> headers,
                 String body, String table, Outcome.EntityId entityId) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (!behaviourOverrides.isEmpty()) {
            all.put(BEHAVIOUR_HEADER, String.join(",", behaviourOverrides.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        Prepared prepared = safety.prepare(method, path, all, body);
        lastExchange = arranging ? channel.fetch(method, path, prepared.headers(), prepared.body())
                : channel.send(method, path, prepared.headers(), prepared.body());
        lastPrepared = prepared;
        lastCreatedRows = safety.settle(prepared, lastExchange);
        return new Outcome(this, operation, doing, lastExchange, table, entityId);
    }

    AssertionFailedError failure(String operation, String expected, String actual, String doing,
                                 RecordedExchange exchange, String table) {
        String hint = exchange == null ? null : hints.forFailure(exchange, table).orElse(null);
        return report.failure(operation, expected, actual, doing, location.get(), exchange, hint);
    }

    /** The table's schema entry; fails listing the tables the target has. */
    ClientSchema.Table table(String name) {
        return dataverse.schema().table(name).orElseThrow(() -> new IllegalArgumentException("the target has no table '"
                + name + "'" + ClientSchema.closest(name, dataverse.schema().tableNames()).map(c -> "; did you mean '" + c
                + "'?").orElse("") + " Tables: " + dataverse.schema().tableNames()));
    }

    /** The URL of {@code row} as {@code @odata.id} or {@code $id} carries it (absolute unless told otherwise). */
    String idReference(RowRef row) {
        return (referenceForm == null ? ReferenceForm.ABSOLUTE : referenceForm).render(serviceRoot(), row);
    }

    /** The URL of {@code row} as {@code @odata.bind} carries it ({@code /set(id)} unless told otherwise). */
    String bindReference(RowRef row) {
        return (referenceForm == null ? ReferenceForm.ROOT_RELATIVE : referenceForm).render(serviceRoot(), row);
    }

    SessionSafety safety() {
        return safety;
    }

    ClientSchema schema() {
        return dataverse.schema();
    }

    /** GETs JSON for a read-back check; a non-200 answer fails the check with the whole exchange. */
    JsonNode read(String what, String path, Map<String, String> headers, String table) {
        RecordedExchange exchange = get(path, headers);
        if (exchange.status() != 200) {
            throw failure("read-back", "200 OK", exchange.statusLine(), what, exchange, table);
        }
        try {
            return JSON.readTree(exchange.responseBody());
        } catch (IOException e) {
            throw failure("read-back", "a JSON body", "unparseable text", what, exchange, table);
        }
    }

    /** A read-back GET whatever its status. */
    RecordedExchange get(String path, Map<String, String> headers) {
        lastRead = channel.fetch("GET", path, headers, null);
        return lastRead;
    }

    /** The last read-back GET, which read-back failures show. */
    RecordedExchange lastRead() {
        return lastRead;
    }

    /**
     * After a successful create: the new row and the rows nested in it become the session's own, named by their
     * aliases where {@code nameThem}. On a live org the guard proved which rows the request made (it chose their
     * ids); on the emulator they are found by reading the new row back.
     */
    private RowRef registerCreated(String alias, ClientSchema.Table table, RecordedExchange exchange, JsonNode body,
                                   boolean nameThem) {
        if (lastCreatedRows.isEmpty()) {
            RowRef row = remember(alias, table, createdId(exchange, table));
            lastCreated = row;
            if (body != null && body.isObject()) {
                bodies.discoverInserted(row, body, nameThem);
            }
            return row;
        }
        RowRef top = null;
        for (RowId created : lastCreatedRows) {
            ClientSchema.Table createdTable = table(created.table());
            String name = top == null ? alias : nameThem ? safety.bodyThatCreated(lastPrepared, created.id())
                    .flatMap(json -> createdTable.primaryNameColumn().map(c -> json.path(c).asText(null)))
                    .map(this::aliasOf).orElse(null) : null;
            RowRef row = describeOwn(name, createdTable, created.id());
            top = top == null ? row : top;
        }
        lastCreated = top;
        return top;
    }

    /** A row the session learned it made on the emulator (inside a deep insert): its own, and named when aliased. */
    RowRef remember(String alias, ClientSchema.Table table, UUID id) {
        safety.created(new RowId(table.logicalName(), table.entitySet(), id));
        return describeOwn(alias, table, id);
    }

    private RowRef describeOwn(String alias, ClientSchema.Table table, UUID id) {
        RowRef row = new RowRef(alias, table.logicalName(), table.entitySet(), id);
        safety.label(id, alias == null ? table.logicalName() + " " + id : row.describe());
        if (alias != null) {
            aliases.put(row);
        }
        return row;
    }

    /** The alias behind a stored name: the name without the run tag. */
    String aliasOf(String storedName) {
        String prefix = dataverse.target().rowNamePrefix();
        return storedName.startsWith(prefix) ? storedName.substring(prefix.length()) : storedName;
    }

    /** After a successful raw create: its row and the rows its body made inside become the session's own. */
    RowRef registerRawCreate(ClientSchema.Table table, RecordedExchange exchange, String body) {
        JsonNode json;
        try {
            json = body == null ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null; // a body the target accepted but that is not JSON cannot have nested rows
        }
        return registerCreated(null, table, exchange, json, false);
    }

    /** The id of a row a 2xx create answered with: from {@code OData-EntityId}, or from the body of a 201. */
    UUID createdId(RecordedExchange exchange, ClientSchema.Table table) {
        String entityId = exchange.responseHeader("OData-EntityId");
        if (entityId != null) {
            Matcher m = ENTITY_ID.matcher(entityId);
            if (m.find()) {
                return UUID.fromString(m.group(2));
            }
        }
        try {
            JsonNode body = JSON.readTree(exchange.responseBody());
            return UUID.fromString(body.path(table.primaryKey()).asText());
        } catch (IOException | IllegalArgumentException e) {
            throw failure("create", "OData-EntityId or the new row's " + table.primaryKey(), "neither",
                    "read the id of the created " + table.logicalName(), exchange, table.logicalName());
        }
    }

    /** The name a row is stored under: its alias, behind the run tag on a live org (for the sweep). */
    String storedName(String alias) {
        return dataverse.target().rowNamePrefix() + alias;
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.report.Evidence;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * One scenario's conversation with the target. Verbs are the Web API's own operations; each returns an
 * {@link Outcome} to assert on. The session knows rows by alias and undoes its work on {@link #close()}.
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
@API(status = API.Status.STABLE, since = "0.1")
public final class DataverseSession implements AutoCloseable {

    private final Target target;
    private final Conversation conversation;
    private final Rows rows;
    private final RowUrls urls;
    private final Behaviours behaviours;
    private final Evidence evidence;
    private final Map<String, String> nextRequestHeaders = new LinkedHashMap<>();
    private final Set<UUID> existingRows = new HashSet<>();
    private final RowNames names;
    private final PrivilegeNames privileges;
    /** The session this one is a view of ({@link #as}), which cleans up; null for a session of its own. */
    private final DataverseSession base;
    /** Gives back this session's place among the sessions open at once; nothing for a view. */
    private final Runnable freeSlot;
    /** This session's turn with the org's existing rows (its views share it); null where no row is shared. */
    private final ExistingRowTurn.Hold turn;

    DataverseSession(Dataverse dataverse, Conversation conversation, Aliases aliases, Behaviours behaviours,
                     Evidence evidence) {
        this.target = dataverse.target();
        this.evidence = evidence;
        this.conversation = conversation;
        this.behaviours = behaviours;
        this.urls = new RowUrls(target.serviceRoot());
        int slot = dataverse.takeSlot();
        java.util.concurrent.atomic.AtomicBoolean freed = new java.util.concurrent.atomic.AtomicBoolean();
        this.freeSlot = () -> {
            if (freed.compareAndSet(false, true)) { // a second close must not free the place another session now holds
                dataverse.freeSlot(slot);
            }
        };
        this.rows = new Rows(dataverse.schema(), conversation, urls, dataverse.namePrefix(slot), aliases);
        this.names = new RowNames(rows);
        this.privileges = new PrivilegeNames();
        this.base = null;
        this.turn = dataverse.existingRowTurn().map(ExistingRowTurn::hold).orElse(null);
        conversation.safety().nameNothing(names.missingId());
        for (ExistingRow existing : target.existingRows()) {
            rows.existing(existing.alias(), existing.table(), existing.id());
            existingRows.add(existing.id());
        }
    }

    /** A view of {@code base} whose requests go through {@code conversation}. */
    private DataverseSession(DataverseSession base, Conversation conversation) {
        this.target = base.target;
        this.evidence = base.evidence;
        this.conversation = conversation;
        this.behaviours = base.behaviours;
        this.urls = base.urls;
        this.rows = base.rows;
        this.names = base.names;
        this.privileges = base.privileges;
        this.existingRows.addAll(base.existingRows);
        this.base = base.base == null ? base : base.base;
        this.turn = base.turn;
        this.freeSlot = () -> { };
    }

    // ---- who acts ----

    /**
     * This session's requests sent on behalf of {@code user} (impersonation: {@code MSCRMCallerID: <systemuserid>}),
     * as a view of this session: same rows, same cleanup; its failures say {@code as systemuser "Dana"}. Dataverse
     * needs the session's own caller to hold {@code prvActOnBehalfOfAnotherUser} (the Delegate role), else 403
     * {@code 0x8004A110} ({@link Outcome#isRefusedToImpersonate()}).
     *
     * <pre>{@code
     * dv.as(dana).associate(deal).to(contoso).via("opportunity_customer_accounts").isRefusedForLackOf("prvAppendToAccount");
     * }</pre>
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public DataverseSession as(RowRef user) {
        return new DataverseSession(this, conversation.from(Callers.onBehalfOf(user)));
    }

    /**
     * This session's requests authenticated as {@code user} themselves, on the embedded emulator only (an unsigned
     * token naming the user's {@code azureactivedirectoryobjectid}, which a live org refuses): to see what a user who
     * may not impersonate is refused. A view of this session, as {@link #as} is.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public DataverseSession signedInAs(RowRef user) {
        return new DataverseSession(this, conversation.from(Callers.signedIn(user, target, conversation)));
    }

    /** Business units, roles, users, teams, owners and shares: {@code dv.security().role("Salesperson")…}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Security security() {
        return new Security(this, conversation, rows, privileges);
    }

    // ---- the verbs ----

    /** POST {set}: creates the row with its binds and nested rows; {@link Created#row()} is the new row. */
    public Created create(NewRow row) {
        ClientSchema.Table table = rows.table(row.table());
        ObjectNode body = rows.bodies().render(row);
        Conversation.Sent sent = conversation.exchange(Operation.of("create", "create " + table.logicalName() + " \""
                + row.alias() + "\"", "POST", table.entitySet(), body.toString(), table.logicalName())
                .expectingEntityId(Outcome.EntityId.ANY));
        Outcome outcome = sent.outcome();
        RowRef created = outcome.succeeded() ? rows.registerCreated(row.alias(), table, outcome.exchange(), body, true,
                sent.created()) : null;
        return new Created(outcome, created);
    }

    /**
     * The row a scenario's Given names: the org row listed under that alias in {@code dataverse.existing-rows} when
     * there is one (a live org's users and roles cannot be created by a test run), else a new row.
     */
    public RowRef provide(NewRow row) {
        return existing(row.table(), row.alias()).orElseGet(() -> create(row).row());
    }

    /** The row {@code alias} of {@code table} named in {@code dataverse.existing-rows}, once it is this session's turn. */
    Optional<RowRef> existing(String table, String alias) {
        return rows.aliases().find(rows.table(table).logicalName(), alias).filter(row -> existingRows.contains(row.id()))
                .map(this::used);
    }

    String targetDescription() {
        return target.description();
    }

    /** POST {parent}/{collectionNav}/$ref: {@code dv.associate(child).to(parent).via(nav)}. */
    public Associate associate(RowRef row) {
        return new Associate(conversation, urls, row);
    }

    /** DELETE …/$ref in its three documented forms. */
    public Disassociate disassociate(RowRef row) {
        return new Disassociate(conversation, urls, row);
    }

    /** PUT {row}/{singleNav}/$ref: {@code dv.rebind(row).via(nav).to(target)}. */
    public Rebind rebind(RowRef row) {
        return new Rebind(conversation, urls, row);
    }

    /** PATCH {row}: binds ({@code nav@odata.bind}), unbinds ({@code nav: null} or {@code nav@odata.bind: null}), columns. */
    public Update update(RowRef row) {
        return new Update(conversation, urls, rows, row);
    }

    /** PUT {activity}/{activity}_activity_parties: replaces the party list (D1, withdrawn by D2). */
    public PartyReplacement replaceParties(RowRef activity) {
        return new PartyReplacement(conversation, urls, activity);
    }

    /**
     * A {@code $batch}: change sets written with the session's verbs (all or nothing, rows referenced by Content-ID)
     * and reads, sent as one request; see {@link Batch}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public Batch batch() {
        return new Batch(new BatchExchange(conversation, rows, target.description()), rows, urls,
                conversation.failures());
    }

    /**
     * A {@code $batch} written by hand, for conformance work: {@code body} is the multipart text, its first line the
     * boundary ({@code --batch_AAA123}), sent as written to the embedded emulator; headers set with
     * {@link #headerForNextRequest} (e.g. {@code Prefer: odata.continue-on-error}) go with it. On a live org every
     * request of it passes the guard before anything is sent; a Content-ID reference ({@code $1}) goes as written
     * where the guard can prove it names a row the change set creates with an id the guard chose, else it is refused.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public BatchOutcome sendBatch(String body) {
        Map<String, String> headers = new LinkedHashMap<>(nextRequestHeaders);
        nextRequestHeaders.clear();
        return new BatchExchange(conversation, rows, target.description()).sendWritten(body, headers);
    }

    /** A header for the next raw request only (e.g. {@code If-Match}, {@code Prefer}). */
    public DataverseSession headerForNextRequest(String name, String value) {
        nextRequestHeaders.put(name, value);
        return this;
    }

    /** A raw request, for conformance work: {@code dv.send("PUT", "opportunities(" + deal.id() + ")/customerid_account/$ref")}. */
    public RawRequest send(String method, String path) {
        RawRequest request = new RawRequest(conversation, rows, method, path).headers(nextRequestHeaders);
        nextRequestHeaders.clear();
        return request;
    }

    /**
     * A FetchXML query to the entity set of its {@code <entity name>}; read its rows or page through them.
     *
     * <pre>{@code
     * dv.fetch("<fetch><entity name='account'><attribute name='name'/></entity></fetch>").rows().hasRows(2);
     * }</pre>
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.4")
    public FetchXmlQuery fetch(String fetchXml) {
        return new FetchXmlQuery(conversation, rows, fetchXml);
    }

    /** Read-back checks on a row. */
    public RowExpectations expect(RowRef row) {
        return new RowExpectations(conversation, rows, row);
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
        return conversation.arranging(setUp);
    }

    // ---- rows by name ----

    /**
     * The row called {@code alias}, whatever its table; fails listing the known rows when there is none, and naming
     * both when rows of two tables share the alias.
     */
    public RowRef row(String alias) {
        return used(rows.aliases().get(alias));
    }

    /** The row of {@code table} called {@code alias} ({@code account "Contoso"}). */
    public RowRef row(String table, String alias) {
        return used(rows.aliases().get(rows.table(table).logicalName(), alias));
    }

    /** An existing row of the org is used by one session at a time: this one waits for its turn (ExistingRowTurn). */
    private RowRef used(RowRef row) {
        if (turn != null && existingRows.contains(row.id())) {
            turn.take(row);
        }
        return row;
    }

    /** Tables, navigation properties and names of rows: {@code dv.names().nameLastCreated("Raw")}. */
    public RowNames names() {
        return names;
    }

    // ---- settings ----

    /** Sends every reference ({@code @odata.id}, {@code $id}, {@code @odata.bind}) in {@code form}; null restores the documented defaults. */
    public DataverseSession useReferenceForm(ReferenceForm form) {
        urls.use(form);
        return this;
    }

    /** The scenario line failures should name, e.g. {@code features/associate/one-to-many.feature:14}. */
    public DataverseSession at(String location) {
        conversation.failures().locatedBy(() -> location);
        return this;
    }

    /** Where failures happen, asked when one does (the Gherkin glue passes the running step's line). */
    public DataverseSession locatedBy(Supplier<String> location) {
        conversation.failures().locatedBy(location);
        return this;
    }

    /**
     * Also reports every request and response, redacted, to {@code sink} (name, text), e.g. a log. For Cucumber's
     * scenario use {@link #reportExchangesToScenario}.
     */
    public DataverseSession reportExchangesTo(BiConsumer<String, String> sink) {
        evidence.alsoTo(sink);
        return this;
    }

    /**
     * Reports every request and response, redacted, to Cucumber's scenario ({@code (name, text) ->
     * scenario.attach(text, "text/plain", name)}), so that Cucumber's own reports show them. Allure's Cucumber plugin
     * (allure-cucumber7-jvm) makes an Allure attachment of each, so while it is on the class path the session
     * attaches them to Allure only through the scenario: each exchange appears once in each report.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public DataverseSession reportExchangesToScenario(BiConsumer<String, String> attach) {
        evidence.toScenario(attach);
        return this;
    }

    /**
     * The [CONFLICT]/[INF] behaviours: switched for this session on the emulator, observed on a live org
     * ({@code dv.behaviours().observe("bind-null", outcome)}).
     */
    public Behaviours behaviours() {
        return behaviours;
    }

    /** The service root this session sends to, e.g. {@code http://127.0.0.1:51234/api/data/v9.2}. */
    public String serviceRoot() {
        return conversation.serviceRoot();
    }

    /**
     * Sends this session's requests to another API version of the same org ({@code v8.2}, v8.0-v9.2), as Microsoft's
     * 2016 documentation writes them; references follow.
     */
    public DataverseSession useApiVersion(String version) {
        urls.serviceRoot(conversation.useApiVersion(version));
        return this;
    }

    /**
     * What this scenario contributes to the conformance matrix, as JSON (schema in src/site/markdown/conformance.md):
     * the cells of the requests it checked, the behaviours it observed, the target. The Gherkin glue attaches it to
     * the scenario; {@code dev.dataversebdd.conformance.ConformancePlugin} turns a run's records into the matrix.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public String conformanceRecord() {
        return new ConformanceCells(rows.schema()).record(conversation.checkedExchanges(), behaviours.observed(),
                target.description(), conversation.serviceRoot(), target.isSharedWithOthers());
    }

    /** The last request and response, for raw checks. */
    public RecordedExchange lastExchange() {
        return conversation.lastExchange();
    }

    /** What finishes the work once the run has ended: the sweep of its ledger, which holds every line "left for the sweep". */
    private String sweepHint(List<String> problems) {
        if (problems.stream().noneMatch(p -> p.startsWith("left for the sweep"))) {
            return "";
        }
        String runId = target.rowNamePrefix().trim();
        return "\nThe run's ledger keeps these; once the run has ended, `sweep --run " + runId + " --delete` (the same "
                + "settings, which name the ledger folder) removes exactly them.";
    }

    /**
     * Undoes the session's work: on a live org puts back what it changed on existing rows, then deletes the rows it
     * created, newest first, never reaching a row it did not create.
     */
    @Override
    public void close() {
        if (base != null) {
            return; // a view: the session it was made from cleans up
        }
        List<String> problems;
        try {
            problems = conversation.safety().cleanUp();
        } finally {
            if (turn != null) {
                turn.release(); // the before-images are back: the next scenario may use the existing rows
            }
            freeSlot.run();
        }
        rows.aliases().clear();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cleanup left work undone on " + target.description() + ":\n  "
                    + String.join("\n  ", problems) + sweepHint(problems));
        }
    }
}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** The GET requests that verify relationships (D6, D10): rows, related rows, references and counts. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Reader {

    private static final int MAX_COUNT = 5000;

    private final RowLocator rows;
    private final Linker linker;
    private final RowRenderer renderer;
    private final FilterEvaluator filters;

    public Reader(RowLocator rows, Linker linker, RowRenderer renderer) {
        this.rows = rows;
        this.linker = linker;
        this.renderer = renderer;
        this.filters = new FilterEvaluator(rows, linker);
    }

    /** GET {set}({key}) with $select and $expand. */
    public EmulatorResponse row(Row row, RequestContext context) {
        QueryOptions query = context.query();
        if (Preconditions.isNotModified(row, context.request(), !query.expand().isEmpty())) {
            return Responses.notModified(row.etag());
        }
        EntityType type = rows.typeOf(row);
        renderer.validate(type, query.select(), query.expand());
        String fragment = RowRenderer.contextFragment(type.entitySetName(), query.select(), query.expand());
        ObjectNode body = Responses.withContext(context.serviceRoot() + "/$metadata#" + fragment + "/$entity",
                renderer.render(row, query.select(), query.expand(), context));
        return Responses.json(200, body, annotationHeaders(context));
    }

    /**
     * GET {set} or GET {set}({key})/{collectionNav}: a filtered, projected list, one page at a time (Q2), within the
     * render budget.
     */
    public EmulatorResponse list(EntityType type, Collection<Row> candidates, RequestContext context) {
        QueryOptions query = context.query();
        renderer.validate(type, query.select(), query.expand());
        Paging paging = Paging.of(context);
        RenderBudget budget = RenderBudget.standard();
        // "Don't use $top with the Prefer: odata.maxpagesize request header. If you include both, $top is ignored." (Q2)
        Integer top = paging.applied() != null ? null : query.top();
        // Unordered and uncounted, a page needs only the rows up to its end, and one more to know there is a next page:
        // a large table is not scanned to its end for every page.
        long enough = query.orderBy().isEmpty() && !query.count()
                ? Math.min(top == null ? Long.MAX_VALUE : top, (long) paging.offset() + paging.pageSize() + 1)
                : Long.MAX_VALUE;
        List<Row> matched = new ArrayList<>();
        for (Row row : candidates) {
            if (matched.size() >= enough) {
                break;
            }
            if (query.filter() == null || filters.matches(type, row, query.filter())) {
                matched.add(row);
            }
        }
        if (!query.orderBy().isEmpty()) {
            matched.sort(FilterEvaluator.ordering(type, query.orderBy()));
        }
        // $count counts what the filter matched, before $top: OData 4.01 Protocol §11.2.6.5, O1 ("ignores any $top,
        // $skip, or $expand query options"), as "Count rows" says, "irrespective of the page size requested" (Q5).
        int counted = matched.size();
        if (top != null && matched.size() > top) {
            matched = matched.subList(0, top);
        }
        ArrayNode value = Json.object().arrayNode();
        int end = (int) Math.min(matched.size(), (long) paging.offset() + paging.pageSize());
        for (int i = Math.min(paging.offset(), end); i < end; i++) {
            value.add(renderer.renderListed(matched.get(i), query.select(), query.expand(), context, budget, paging));
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#"
                + RowRenderer.contextFragment(type.entitySetName(), query.select(), query.expand()));
        if (query.count()) {
            // "Count rows": the count stops at 5,000; asked for, two annotations tell whether there are more (Q5)
            body.put("@odata.count", Math.min(counted, MAX_COUNT));
            if (context.includesAnnotation("Microsoft.Dynamics.CRM.totalrecordcount")) {
                body.put("@Microsoft.Dynamics.CRM.totalrecordcount", Math.min(counted, MAX_COUNT));
                body.put("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", counted > MAX_COUNT);
            }
        }
        body.set("value", value);
        if (end < matched.size()) {
            body.put("@odata.nextLink", paging.nextLink(context, end));
        }
        Map<String, String> headers = new LinkedHashMap<>(annotationHeaders(context));
        if (paging.applied() != null) {
            headers.merge("Preference-Applied", paging.applied(), (a, b) -> a + "," + b);
        }
        return Responses.json(200, body, headers);
    }

    /** GET {set}({key})/{singleNav}: the related row, or 204 when the lookup is empty (OData). */
    public EmulatorResponse single(Row row, NavigationProperty nav, RequestContext context) {
        List<Row> related = linker.related(row, nav);
        return related.isEmpty() ? Responses.noContent() : row(related.get(0), context);
    }

    /** GET …/{collectionNav}/$ref: absolute {@code @odata.id}s of the related rows. */
    public EmulatorResponse references(Row row, NavigationProperty nav, RequestContext context) {
        ArrayNode value = Json.object().arrayNode();
        for (Row related : linker.related(row, nav)) {
            value.add(renderer.reference(related, context));
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#Collection($ref)");
        body.set("value", value);
        return Responses.json(200, body);
    }

    /** GET …/{singleNav}/$ref: one reference, or 204 when the lookup is empty. */
    public EmulatorResponse reference(Row row, NavigationProperty nav, RequestContext context) {
        List<Row> related = linker.related(row, nav);
        if (related.isEmpty()) {
            return Responses.noContent();
        }
        return Responses.json(200, Responses.withContext(context.serviceRoot() + "/$metadata#$ref",
                renderer.reference(related.get(0), context)));
    }

    /** GET …/{collectionNav}/$count: the bare number after a UTF-8 byte order mark, as Dataverse sends it. */
    public EmulatorResponse count(int count) {
        return Responses.text(200, "text/plain;charset=utf-8", "\uFEFF" + count);
    }

    private static Map<String, String> annotationHeaders(RequestContext context) {
        return context.asksForAnnotations()
                ? Map.of("Preference-Applied", context.includeAnnotationsValue()) : Map.of();
    }

}

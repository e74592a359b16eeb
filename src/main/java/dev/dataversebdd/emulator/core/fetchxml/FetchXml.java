package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.PercentDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code GET {set}?fetchXml=…} ("Use FetchXml to retrieve data", F1): parses the query, checks that its entity is the
 * entity set's table, joins, filters, orders, makes rows distinct or aggregates them, and returns one page with the
 * paging annotations the {@code Prefer} header asks for (F3).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FetchXml {

    /** The query parameter, as Microsoft's pages spell it. */
    public static final String PARAMETER = "fetchXml";
    static final String MORE_RECORDS = "Microsoft.Dynamics.CRM.morerecords";
    static final String PAGING_COOKIE = "Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
    /** "Queries that return aggregate values are limited to 50,000 records" (F7). */
    static final int AGGREGATE_LIMIT = 50_000;
    /** "The default and maximum page size is 5,000 rows" (F3). */
    static final int MAX_PAGE = 5000;

    private final FetchSemantics semantics;

    public FetchXml(FetchSemantics semantics) {
        this.semantics = semantics;
    }

    /**
     * The decoded {@code fetchXml} parameter of a raw query string, or null when there is none. A {@code +} is read
     * as a space, as form-encoding clients send it [INF].
     */
    public static String parameter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(PARAMETER + "=")) {
                return PercentDecoder.decode(pair.substring(PARAMETER.length() + 1).replace('+', ' '));
            }
        }
        return null;
    }

    public ObjectNode run(FetchRequest request) {
        FetchQuery query = FetchParser.parse(request.xml());
        EntityType type = request.type();
        if (!query.entity().name().equals(type.logicalName())) {
            throw FetchErrors.wrongEntity(query.entity().name(), type.logicalName(), type.entitySetName());
        }
        if (query.top() != null && (query.count() != null || query.page() != null)) {
            throw FetchErrors.invalid("the fetch element's 'top' cannot be used with 'count' or 'page' (paging).");
        }
        int pageSize = query.count() == null ? MAX_PAGE : query.count();
        if (pageSize > MAX_PAGE || query.top() != null && query.top() > MAX_PAGE) {
            throw FetchErrors.invalid("at most " + MAX_PAGE + " rows make a page ('count' or 'top').");
        }
        if (query.pagingCookie() != null && !query.pagingCookie().trim().startsWith("<cookie")) {
            throw FetchErrors.invalid("the paging-cookie is not a cookie element this service returned.");
        }
        List<Joined> plan = Planner.plan(request.schema(), type, query.entity().links());
        Map<String, Joined> joins = new HashMap<>();
        plan.forEach(j -> joins.put(j.key(), j));
        TupleFilter filter = TupleFilter.compile(query.entity().filter(), null, type, joins, true, semantics);
        List<Tuple> tuples = new ArrayList<>(request.readable().size());
        for (Row row : request.readable()) {
            tuples.add(Tuple.of(row));
        }
        tuples = new Joiner(request.store(), request.guard(), semantics, joins).join(tuples, plan);
        if (!filter.isEmpty()) {
            tuples.removeIf(t -> !filter.test(t));
        }
        List<ObjectNode> rows = query.aggregate() ? aggregated(query, type, plan, tuples)
                : projected(query, type, plan, tuples, LookupAnnotations.asked(request.store(), request.annotation()));
        return page(query, rows, pageSize, request, type, !query.aggregate() ? tuples : null);
    }

    private List<ObjectNode> aggregated(FetchQuery query, EntityType type, List<Joined> plan, List<Tuple> tuples) {
        if (plan.stream().anyMatch(j -> !j.link().orders().isEmpty())) {
            throw FetchErrors.gap("order inside a link-entity of an aggregate query");
        }
        Aggregator aggregator = new Aggregator(query.entity(), type, plan, semantics);
        if (tuples.size() > AGGREGATE_LIMIT) {
            throw FetchErrors.aggregateLimit();
        }
        List<ObjectNode> rows = aggregator.aggregate(tuples);
        Comparator<ObjectNode> order = Ordering.aggregates(query.entity().orders(), semantics);
        if (order != null) {
            rows.sort(order);
        }
        return rows;
    }

    private List<ObjectNode> projected(FetchQuery query, EntityType type, List<Joined> plan, List<Tuple> tuples,
                                       LookupAnnotations annotations) {
        Projection projection = new Projection(query.entity(), type, plan);
        Comparator<Tuple> order = Ordering.rows(query.entity(), type, plan, semantics);
        if (order != null) {
            tuples.sort(order);
        }
        if (query.top() != null && !query.distinct() && tuples.size() > query.top()) {
            tuples.subList(query.top(), tuples.size()).clear();
        }
        List<ObjectNode> rows = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            rows.add(projection.render(tuple, query.distinct(), annotations));
        }
        if (query.distinct()) {
            rows = new ArrayList<>(new LinkedHashSet<>(rows));
            if (query.top() != null && rows.size() > query.top()) {
                rows = rows.subList(0, query.top());
            }
        }
        return rows;
    }

    private static ObjectNode page(FetchQuery query, List<ObjectNode> rows, int pageSize, FetchRequest request,
                                   EntityType type, List<Tuple> tuples) {
        int page = query.page() == null ? 1 : query.page();
        int from = (int) Math.min(rows.size(), (long) (page - 1) * pageSize);
        int to = (int) Math.min(rows.size(), (long) from + pageSize);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", request.serviceRoot() + "/$metadata#" + type.entitySetName());
        boolean cookie = request.annotation().test(PAGING_COOKIE) && !query.aggregate() && !query.distinct()
                && from < to && tuples != null;
        if (cookie) {
            body.put("@" + PAGING_COOKIE, PagingCookie.of(type, page, tuples.get(from).main(), tuples.get(to - 1).main()));
        }
        if (request.annotation().test(MORE_RECORDS)) {
            body.put("@" + MORE_RECORDS, to < rows.size());
        }
        ArrayNode value = body.putArray("value");
        rows.subList(from, to).forEach(value::add);
        return body;
    }
}

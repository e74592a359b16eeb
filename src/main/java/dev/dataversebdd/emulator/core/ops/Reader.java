package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Filter;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/** The GET requests that verify relationships (D6, D10): rows, related rows, references and counts. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Reader {

    private final RowLocator rows;
    private final Linker linker;
    private final RowRenderer renderer;

    public Reader(RowLocator rows, Linker linker, RowRenderer renderer) {
        this.rows = rows;
        this.linker = linker;
        this.renderer = renderer;
    }

    /** GET {set}({key}) with $select and $expand. */
    public EmulatorResponse row(Row row, RequestContext context) {
        QueryOptions query = context.query();
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
        ArrayNode value = Json.object().arrayNode();
        int limit = query.top() == null ? Integer.MAX_VALUE : query.top();
        int matched = 0;
        boolean more = false;
        for (Row row : candidates) {
            if (matched >= limit) {
                break;
            }
            if (query.filter() != null && !matches(type, row, query.filter())) {
                continue;
            }
            if (matched++ < paging.offset()) {
                continue;
            }
            if (value.size() == paging.pageSize()) {
                more = true;
                break;
            }
            value.add(renderer.render(row, query.select(), query.expand(), context, budget));
        }
        ObjectNode body = Json.object();
        body.put("@odata.context", context.serviceRoot() + "/$metadata#"
                + RowRenderer.contextFragment(type.entitySetName(), query.select(), query.expand()));
        body.set("value", value);
        if (more) {
            body.put("@odata.nextLink", paging.nextLink(context, paging.offset() + value.size()));
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(annotationHeaders(context));
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

    private boolean matches(EntityType type, Row row, Filter filter) {
        for (Filter.Comparison comparison : filter.comparisons()) {
            String property = comparison.property();
            if (!type.hasProperty(property)) {
                throw Errors.propertyNotFound(property, type.qualifiedName());
            }
            boolean matches = comparison.prefix()
                    ? startsWith(row, property, String.valueOf(comparison.value()))
                    : equal(type, row, property, comparison.value());
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(Row row, String property, String prefix) {
        JsonNode node = row.attribute(property);
        return node != null && node.isTextual() && node.asText().startsWith(prefix);
    }

    private static boolean equal(EntityType type, Row row, String property, Object expected) {
        Object actual;
        if (type.isLookupProperty(property)) {
            EntityRef ref = row.lookup(property);
            actual = ref == null ? null : ref.id();
        } else if (property.equals(type.primaryKey())) {
            actual = row.id();
        } else {
            JsonNode node = row.attribute(property);
            if (node == null || node.isNull()) {
                actual = null;
            } else if (node.isNumber()) {
                return expected instanceof BigDecimal number && node.decimalValue().compareTo(number) == 0;
            } else if (node.isBoolean()) {
                actual = node.booleanValue();
            } else {
                actual = node.asText();
                if (expected instanceof UUID) {
                    return actual.toString().equalsIgnoreCase(expected.toString());
                }
            }
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    private static Map<String, String> annotationHeaders(RequestContext context) {
        return context.wantsLookupAnnotations()
                ? Map.of("Preference-Applied", context.includeAnnotationsValue()) : Map.of();
    }

}

package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.schema.Tables;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.ExpandItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Writes rows as Dataverse's JSON: {@code @odata.etag}, the selected columns (primary key always), lookup
 * properties as {@code _x_value} GUIDs with their annotations when asked for, and {@code $expand}ed navigation
 * properties (objects, arrays or {@code {"@odata.id": …}} references).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RowRenderer {

    static final String NAV_ANNOTATION = "@Microsoft.Dynamics.CRM.associatednavigationproperty";
    static final String LOGICAL_NAME_ANNOTATION = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    static final String FORMATTED_ANNOTATION = "@OData.Community.Display.V1.FormattedValue";
    private static final List<String> PRIMARY_NAME_CANDIDATES = List.of("name", "fullname", "subject", "title");
    /** The concrete types of the abstract ones a lookup may lead to (not declared as such in the built-in CSDL). */
    private static final Map<String, List<String>> DERIVED = Map.of("principal", List.of("systemuser", "team"));

    private final RowLocator rows;
    private final Linker linker;
    private final FilterEvaluator filters;

    public RowRenderer(RowLocator rows, Linker linker) {
        this.rows = rows;
        this.linker = linker;
        this.filters = new FilterEvaluator(rows, linker);
    }

    /**
     * Fails before anything is rendered: E3 when {@code select} or {@code expand} names an unknown property, and
     * Dataverse's refusals of collection options where they do not apply (Q1).
     */
    public void validate(EntityType type, List<String> select, List<ExpandItem> expand) {
        if (select != null) {
            for (String name : select) {
                if (!type.hasProperty(name)) {
                    throw Errors.propertyNotFound(name, type.qualifiedName());
                }
            }
        }
        for (ExpandItem item : expand) {
            NavigationProperty nav = type.navigations().get(item.navigation());
            if (nav == null) {
                throw Errors.propertyNotFound(item.navigation(), type.qualifiedName());
            }
            validateCollectionOptions(item, nav);
            if (linker.isPolymorphic(nav)) {
                validatePolymorphic(nav, item);
                continue;
            }
            EntityType target = rows.schema().type(nav.targetType());
            if (item.orderby() != null) {
                FilterEvaluator.ordering(target, item.orderby()); // refuses an unknown column before anything is read
            }
            validate(target, item.select(), item.expand());
        }
    }

    /**
     * An expanded {@code ownerid} is a systemuser or a team (Dataverse derives both from the abstract principal): a
     * nested {@code $select} or {@code $expand} names what either of them has, and each row renders what it has.
     */
    private void validatePolymorphic(NavigationProperty nav, ExpandItem item) {
        List<EntityType> candidates = DERIVED.getOrDefault(nav.targetType(), List.of()).stream()
                .flatMap(name -> rows.schema().byLogicalName(name).stream()).toList();
        String abstractType = "Microsoft.Dynamics.CRM." + nav.targetType();
        for (String name : item.select() == null ? List.<String>of() : item.select()) {
            if (candidates.stream().noneMatch(type -> type.hasProperty(name))) {
                throw Errors.propertyNotFound(name, abstractType);
            }
        }
        if (!item.expand().isEmpty()) {
            throw Errors.propertyNotFound(item.expand().get(0).navigation(), abstractType);
        }
    }

    private static void validateCollectionOptions(ExpandItem item, NavigationProperty nav) {
        if (item.referencesOnly() && nav.isCollection()) {
            throw Errors.expandRefOnCollection();
        }
        String option = item.top() != null ? "$top" : item.orderby() != null ? "$orderby" : null;
        if (!nav.isCollection() && (option != null || item.filter() != null)) {
            throw Errors.collectionOptionOnSingle(option != null ? option : "$filter", nav.name());
        }
        if (nav.isCollection() && item.nested() && option != null) {
            throw Errors.nestedCollectionOption(option, nav.name());
        }
    }

    public ObjectNode render(Row row, List<String> select, List<ExpandItem> expand, RequestContext context) {
        return render(row, select, expand, context, RenderBudget.standard());
    }

    ObjectNode render(Row row, List<String> select, List<ExpandItem> expand, RequestContext context,
                      RenderBudget budget) {
        return render(row, select, expand, context, budget, null);
    }

    /**
     * A row of a collection query, whose expanded collections get {@code <nav>@odata.nextLink} (Q1): with only
     * single-level {@code $expand}s, every related row inline and the link without paging; with a nested
     * {@code $expand} anywhere and {@code Prefer: odata.maxpagesize}, a page of related rows and a link to the next.
     */
    ObjectNode renderListed(Row row, List<String> select, List<ExpandItem> expand, RequestContext context,
                            RenderBudget budget, Paging paging) {
        boolean nested = ExpandItem.anyNested(expand);
        if (nested && paging.applied() == null) {
            return render(row, select, expand, context, budget, null);
        }
        return render(row, select, expand, context, budget, new ExpandLinks(nested ? paging.pageSize() : null));
    }

    /** How expanded collections of a listed row are linked: the page size when their rows are paged, else null. */
    private record ExpandLinks(Integer pageSize) {
    }

    private ObjectNode render(Row row, List<String> select, List<ExpandItem> expand, RequestContext context,
                              RenderBudget budget, ExpandLinks links) {
        budget.spend();
        EntityType type = rows.typeOf(row);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("@odata.etag", row.etag());
        for (String property : selectedProperties(type, select)) {
            if (type.isLookupProperty(property)) {
                writeLookup(json, type, row, property, context);
            } else if (property.equals(type.primaryKey())) {
                json.put(property, row.id().toString());
            } else if (property.equals("versionnumber")) {
                json.put(property, row.version());
            } else {
                JsonNode value = row.attribute(property);
                json.set(property, value == null ? JsonNodeFactory.instance.nullNode() : value);
                writeOptionLabel(json, type, property, value, context);
            }
        }
        json.put(type.primaryKey(), row.id().toString());
        for (ExpandItem item : expand) {
            NavigationProperty nav = type.navigations().get(item.navigation());
            List<Row> related = linker.related(row, nav);
            if (nav.isCollection()) {
                ArrayNode array = json.putArray(nav.name());
                related = filteredAndOrdered(nav, item, readable(related, context));
                int limit = item.top() == null ? related.size() : Math.min(item.top(), related.size());
                if (links != null && links.pageSize() != null) {
                    limit = Math.min(limit, links.pageSize());
                }
                for (Row r : related.subList(0, limit)) {
                    array.add(expanded(r, item, context, budget));
                }
                if (links != null) {
                    String options = item.options() == null ? "" : item.options().replace(";", "&").replace(" ", "%20");
                    String paging = links.pageSize() == null ? "" : (options.isEmpty() ? "" : "&") + "$skiptoken="
                            + Paging.skipToken(links.pageSize(), links.pageSize());
                    json.put(nav.name() + "@odata.nextLink", context.url(type.entitySetName(), row.ref()) + "/" + nav.name()
                            + (options.isEmpty() && paging.isEmpty() ? "" : "?" + options + paging));
                }
            } else {
                related = readable(related, context);
                json.set(nav.name(), related.isEmpty() ? JsonNodeFactory.instance.nullNode()
                        : linker.isPolymorphic(nav) ? polymorphic(related.get(0), item, context, budget)
                        : expanded(related.get(0), item, context, budget));
                if (item.referencesOnly() && nav.lookupProperty() != null && !json.has(nav.lookupProperty())) {
                    writeLookup(json, type, row, nav.lookupProperty(), context); // nav/$ref also carries _x_value (D6)
                }
            }
        }
        return json;
    }

    /** Expanded rows are filtered by Read access as lists are: the privilege and the row (security.md). */
    private static List<Row> readable(List<Row> related, RequestContext context) {
        if (context.guard().passesEverything() || related.isEmpty()) {
            return related;
        }
        List<Row> kept = new ArrayList<>(related.size());
        for (Row row : related) {
            if (context.guard().mayRead(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** The owner as Dataverse expands {@code ownerid}: its own type named by {@code @odata.type}, its own columns. */
    private ObjectNode polymorphic(Row related, ExpandItem item, RequestContext context, RenderBudget budget) {
        if (item.referencesOnly()) {
            return expanded(related, item, context, budget);
        }
        EntityType type = rows.typeOf(related);
        List<String> select = item.select() == null ? null : item.select().stream().filter(type::hasProperty).toList();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("@odata.type", "#Microsoft.Dynamics.CRM." + related.logicalName());
        json.setAll(render(related, select, List.of(), context, budget));
        return json;
    }

    /** A collection $expand's own $filter and $orderby (Q1), applied before its $top. */
    private List<Row> filteredAndOrdered(NavigationProperty nav, ExpandItem item, List<Row> related) {
        if (item.filter() == null && item.orderby() == null) {
            return related;
        }
        EntityType target = rows.schema().type(nav.targetType());
        List<Row> kept = new ArrayList<>();
        for (Row row : related) {
            if (item.filter() == null || filters.matches(target, row, item.filter())) {
                kept.add(row);
            }
        }
        if (item.orderby() != null) {
            kept.sort(FilterEvaluator.ordering(target, item.orderby()));
        }
        return kept;
    }

    private ObjectNode expanded(Row related, ExpandItem item, RequestContext context, RenderBudget budget) {
        if (item.referencesOnly()) {
            budget.spend();
            return reference(related, context);
        }
        return render(related, item.select(), item.expand(), context, budget);
    }

    public ObjectNode reference(Row row, RequestContext context) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("@odata.id", context.url(rows.entitySetOf(row.logicalName()), row.ref()));
        return ref;
    }

    /** {@code {root}/$metadata#accounts(name,primarycontactid(fullname))}, the context of a projection. */
    public static String contextFragment(String entitySet, List<String> select, List<ExpandItem> expand) {
        List<String> parts = new ArrayList<>(select == null ? List.of() : select);
        for (ExpandItem item : expand) {
            parts.add(item.select() == null || item.referencesOnly() ? item.navigation()
                    : item.navigation() + "(" + String.join(",", item.select()) + ")");
        }
        return parts.isEmpty() ? entitySet : entitySet + "(" + String.join(",", parts) + ")";
    }

    private static List<String> selectedProperties(EntityType type, List<String> select) {
        return select != null ? select : new ArrayList<>(type.properties().keySet());
    }

    private void writeLookup(ObjectNode json, EntityType type, Row row, String property, RequestContext context) {
        EntityRef target = row.lookup(property);
        if (target == null) {
            json.putNull(property);
            return;
        }
        // each annotation only when asked for, by name, by namespace or by * (D8)
        if (context.includesAnnotation(FORMATTED_ANNOTATION.substring(1))) {
            rows.store().find(target).flatMap(this::primaryName)
                    .ifPresent(name -> json.put(property + FORMATTED_ANNOTATION, name));
        }
        if (context.includesAnnotation(NAV_ANNOTATION.substring(1))) {
            type.navigations().values().stream()
                    .filter(n -> property.equals(n.lookupProperty()) && n.kind() == NavigationProperty.Kind.SINGLE
                            && n.targetType().equals(target.logicalName()))
                    .findFirst().ifPresent(n -> json.put(property + NAV_ANNOTATION, n.name()));
        }
        if (context.includesAnnotation(LOGICAL_NAME_ANNOTATION.substring(1))) {
            json.put(property + LOGICAL_NAME_ANNOTATION, target.logicalName());
        }
        json.put(property, target.id().toString());
    }

    /** A choice column's label as its formatted value (D8), when the table's definitions carry the options' labels. */
    private void writeOptionLabel(ObjectNode json, EntityType type, String property, JsonNode value,
                                  RequestContext context) {
        if (value != null && value.canConvertToInt() && context.includesAnnotation(FORMATTED_ANNOTATION.substring(1))) {
            Tables.of(rows.schema(), type.logicalName()).optionLabel(property, value.asInt())
                    .ifPresent(label -> json.put(property + FORMATTED_ANNOTATION, label));
        }
    }

    /** The row's primary name column (its table's PrimaryNameAttribute), else the first of name, fullname, … */
    private Optional<String> primaryName(Row row) {
        String declared = Tables.of(rows.schema(), row.logicalName()).primaryNameAttribute();
        if (declared != null) {
            JsonNode value = row.attribute(declared);
            if (value != null && value.isTextual()) {
                return Optional.of(value.asText());
            }
        }
        for (String candidate : PRIMARY_NAME_CANDIDATES) {
            JsonNode value = row.attribute(candidate);
            if (value != null && value.isTextual()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }
}

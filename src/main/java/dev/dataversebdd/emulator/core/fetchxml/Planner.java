package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Link;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the link-entity elements ("Join tables using FetchXml", F5) before any row is read, so that a wrong name
 * is a 400 and an unmodelled shape a 501 even on an empty table. An N:N is joined through its intersect entity, as
 * Dataverse's own example does: {@code <link-entity name='opportunitycompetitors' from='opportunityid'
 * to='opportunityid' intersect='true'><link-entity name='competitor' from='competitorid' to='competitorid'/>}; the
 * emulator finds the relationship by the intersect name, or that name with {@code _association} [INF].
 */
final class Planner {

    private final Schema schema;
    private final Map<String, Integer> unnamed = new HashMap<>();
    private final List<Joined> plan = new ArrayList<>();

    private Planner(Schema schema) {
        this.schema = schema;
    }

    static List<Joined> plan(Schema schema, EntityType main, List<Link> links) {
        Planner planner = new Planner(schema);
        for (Link link : links) {
            planner.resolve(link, null, main);
        }
        return List.copyOf(planner.plan);
    }

    private void resolve(Link link, String parentKey, EntityType parent) {
        var type = schema.byLogicalName(link.name());
        if (type.isEmpty()) { // an intersect entity is no table of the Web API's $metadata
            intersect(link, parentKey, parent);
            return;
        }
        if (link.from() == null || link.to() == null) {
            throw FetchErrors.gap("link-entity '" + link.name() + "' without both 'from' and 'to'");
        }
        if (link.exists() && (!link.columns().none() || !link.orders().isEmpty() || !link.links().isEmpty())) {
            throw FetchErrors.gap("attributes, orders or nested link-entities under a link-entity of link-type "
                    + "'exists' or 'in'");
        }
        String key = key(link);
        plan.add(new Joined(key, type.get(), link, parentKey, parent, ColumnValues.property(type.get(), link.from()),
                ColumnValues.property(parent, link.to()), null, link.outer(), link.exists()));
        for (Link nested : link.links()) {
            resolve(nested, key, type.get());
        }
    }

    private void intersect(Link link, String parentKey, EntityType parent) {
        if (link.exists() || link.links().stream().anyMatch(Link::exists)) {
            throw FetchErrors.gap("link-type 'exists' or 'in' through the intersect entity '" + link.name() + "'");
        }
        NavigationProperty nav = parent.navigations().values().stream()
                .filter(n -> n.kind() == NavigationProperty.Kind.MANY_TO_MANY)
                .filter(n -> n.name().equals(link.name()) || n.name().equals(link.name() + "_association"))
                .findFirst().orElseThrow(() -> FetchErrors.noEntity(link.name()));
        if (!link.columns().none() || link.filter() != null || !link.orders().isEmpty()) {
            throw FetchErrors.gap("attributes, filters or orders on the intersect entity '" + link.name() + "'");
        }
        if (link.links().size() != 1) {
            throw FetchErrors.gap("intersect entity '" + link.name() + "' without exactly one nested link-entity");
        }
        if (!parent.primaryKey().equals(link.to()) || !parent.primaryKey().equals(link.from())) {
            throw FetchErrors.gap("intersect entity '" + link.name() + "' joined on other columns than '"
                    + parent.primaryKey() + "'");
        }
        Link far = link.links().get(0);
        EntityType target = schema.byLogicalName(far.name()).orElseThrow(() -> FetchErrors.noEntity(far.name()));
        if (!target.logicalName().equals(nav.targetType()) || target.logicalName().equals(parent.logicalName())) {
            throw FetchErrors.gap("link-entity '" + far.name() + "' through '" + link.name() + "', which relates '"
                    + parent.logicalName() + "' to '" + nav.targetType() + "'");
        }
        if (!target.primaryKey().equals(far.from()) || !target.primaryKey().equals(far.to())) {
            throw FetchErrors.gap("link-entity '" + far.name() + "' joined to its intersect on other columns than '"
                    + target.primaryKey() + "'");
        }
        String key = key(far);
        boolean outer = link.outer() || far.outer();
        plan.add(new Joined(key, target, far, parentKey, parent, null, null, nav, outer, false));
        for (Link nested : far.links()) {
            resolve(nested, key, target);
        }
    }

    /**
     * The alias, or the table's logical name ("Select columns using FetchXml": {@code {table}.{column}}); a second
     * unaliased join to the same table gets a number so that names stay unique [INF].
     */
    private String key(Link link) {
        if (link.alias() != null) {
            return link.alias();
        }
        int seen = unnamed.merge(link.name(), 1, Integer::sum);
        return seen == 1 ? link.name() : link.name() + seen;
    }
}

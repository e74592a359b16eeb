package dev.dataversebdd.emulator.core.fetchxml;

import java.util.List;

/**
 * A parsed {@code <fetch>}: the typed model the evaluator reads ("FetchXml reference", F1). Values stay text until
 * the evaluator knows the column they are compared with.
 */
record FetchQuery(Entity entity, Integer top, Integer count, Integer page, String pagingCookie, boolean distinct,
                  boolean aggregate) {

    /** The {@code <entity>} element: the table the entity set names. */
    record Entity(String name, Columns columns, List<Order> orders, Group filter, List<Link> links) {
    }

    /**
     * {@code <link-entity>}: a join to a related table, or through an N:N intersect ({@code intersect='true'});
     * {@code exists} for link-type {@code exists} or {@code in}, which only keep the rows with a match.
     */
    record Link(String name, String from, String to, boolean outer, boolean exists, String alias, boolean intersect,
                Columns columns, List<Order> orders, Group filter, List<Link> links) {
    }

    /** The {@code <attribute>} elements, or {@code <all-attributes/>}. */
    record Columns(List<Attribute> attributes, boolean all) {

        boolean none() {
            return attributes.isEmpty() && !all;
        }
    }

    /** {@code <attribute name alias aggregate groupby distinct dategrouping>}. */
    record Attribute(String name, String alias, String aggregate, boolean groupBy, boolean distinct,
                     String dateGrouping) {
    }

    /** {@code <order attribute|alias descending>}. */
    record Order(String attribute, String alias, boolean descending) {
    }

    /** A filter element or a condition. */
    sealed interface Node permits Group, Condition {
    }

    /** {@code <filter type='and|or'>}: its conditions and nested filters. */
    record Group(boolean or, List<Node> children) implements Node {
    }

    /**
     * {@code <condition attribute operator value>} with its {@code <value>} children; {@code entityName} names the
     * link-entity (alias) whose column it tests, or is null for the element's own table.
     */
    record Condition(String entityName, String attribute, String operator, List<String> values) implements Node {
    }
}

package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Attribute;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Columns;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Condition;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Entity;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Group;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Link;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Node;
import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Order;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads FetchXML text into {@link FetchQuery}. Every element and attribute is either modelled, known to leave the
 * result unchanged (hints such as {@code mapping}, {@code no-lock}, the {@code ui*} attributes of a condition), or a
 * 501 naming it: an unread attribute must never change the answer silently. No DTD, no external entities.
 */
final class FetchParser {

    private static final Set<String> FETCH = Set.of("top", "count", "page", "paging-cookie", "distinct", "aggregate");
    private static final Set<String> HINTS = Set.of("mapping", "version", "output-format", "no-lock",
            "latematerialize", "useraworderby", "visible", "uiname", "uitype", "uihidden");

    private FetchParser() {
    }

    static FetchQuery parse(String xml) {
        Element fetch = document(xml);
        if (!fetch.getTagName().equals("fetch")) {
            throw FetchErrors.malformed("the root element is '" + fetch.getTagName() + "', not 'fetch'.");
        }
        attributes(fetch, FETCH);
        List<Element> children = children(fetch);
        if (children.size() != 1 || !children.get(0).getTagName().equals("entity")) {
            throw FetchErrors.invalid("a fetch element holds exactly one entity element.");
        }
        Element entity = children.get(0);
        attributes(entity, Set.of("name"));
        Body body = body(entity, false);
        return new FetchQuery(new Entity(required(entity, "name"), body.columns, body.orders, body.filter, body.links),
                integer(fetch, "top"), integer(fetch, "count"), integer(fetch, "page"),
                fetch.hasAttribute("paging-cookie") ? fetch.getAttribute("paging-cookie") : null,
                bool(fetch, "distinct"), bool(fetch, "aggregate"));
    }

    private record Body(Columns columns, List<Order> orders, Group filter, List<Link> links) {
    }

    private static Body body(Element parent, boolean linked) {
        List<Attribute> attributes = new ArrayList<>();
        boolean all = false;
        List<Order> orders = new ArrayList<>();
        List<Node> filters = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Element child : children(parent)) {
            switch (child.getTagName()) {
                case "attribute" -> attributes.add(attribute(child));
                case "all-attributes" -> {
                    attributes(child, Set.of());
                    all = true;
                }
                case "order" -> orders.add(order(child));
                case "filter" -> filters.add(group(child));
                case "link-entity" -> links.add(link(child));
                default -> throw FetchErrors.gap("element <" + child.getTagName() + "> in <" + parent.getTagName() + ">");
            }
        }
        Group filter = filters.isEmpty() ? null : filters.size() == 1 ? (Group) filters.get(0) : new Group(false, filters);
        return new Body(new Columns(List.copyOf(attributes), all), List.copyOf(orders), filter, List.copyOf(links));
    }

    private static Attribute attribute(Element element) {
        attributes(element, Set.of("name", "alias", "aggregate", "groupby", "distinct", "dategrouping"));
        return new Attribute(required(element, "name"), optional(element, "alias"), optional(element, "aggregate"),
                bool(element, "groupby"), bool(element, "distinct"), optional(element, "dategrouping"));
    }

    private static Order order(Element element) {
        attributes(element, Set.of("attribute", "alias", "descending"));
        if (!element.hasAttribute("attribute") && !element.hasAttribute("alias")) {
            throw FetchErrors.invalid("an order element names an attribute or an alias.");
        }
        return new Order(optional(element, "attribute"), optional(element, "alias"), bool(element, "descending"));
    }

    private static Group group(Element element) {
        attributes(element, Set.of("type"));
        String type = element.hasAttribute("type") ? element.getAttribute("type") : "and";
        if (!type.equals("and") && !type.equals("or")) {
            throw FetchErrors.invalid("the filter type '" + type + "' is neither 'and' nor 'or'.");
        }
        List<Node> children = new ArrayList<>();
        for (Element child : children(element)) {
            switch (child.getTagName()) {
                case "condition" -> children.add(condition(child));
                case "filter" -> children.add(group(child));
                default -> throw FetchErrors.gap("element <" + child.getTagName() + "> in <filter>");
            }
        }
        return new Group(type.equals("or"), List.copyOf(children));
    }

    private static Condition condition(Element element) {
        attributes(element, Set.of("entityname", "attribute", "operator", "value"));
        List<String> values = new ArrayList<>();
        if (element.hasAttribute("value")) {
            values.add(element.getAttribute("value"));
        }
        for (Element child : children(element)) {
            if (!child.getTagName().equals("value")) {
                throw FetchErrors.gap("element <" + child.getTagName() + "> in <condition>");
            }
            values.add(child.getTextContent());
        }
        return new Condition(optional(element, "entityname"), required(element, "attribute"), required(element, "operator").toLowerCase(Locale.ROOT),
                List.copyOf(values));
    }

    private static Link link(Element element) {
        attributes(element, Set.of("name", "from", "to", "link-type", "alias", "intersect"));
        String type = element.hasAttribute("link-type") ? element.getAttribute("link-type") : "inner";
        if (!Set.of("inner", "outer", "exists", "in").contains(type)) {
            throw FetchErrors.gap("link-type '" + type + "'");
        }
        Body body = body(element, true);
        return new Link(required(element, "name"), optional(element, "from"), optional(element, "to"),
                type.equals("outer"), type.equals("exists") || type.equals("in"), optional(element, "alias"), bool(element, "intersect"), body.columns,
                body.orders, body.filter, body.links);
    }

    private static void attributes(Element element, Set<String> modelled) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (!modelled.contains(name) && !HINTS.contains(name)) {
                throw FetchErrors.gap("attribute '" + name + "' of <" + element.getTagName() + ">");
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static String required(Element element, String name) {
        if (!element.hasAttribute(name) || element.getAttribute(name).isBlank()) {
            throw FetchErrors.invalid("the " + element.getTagName() + " element needs its '" + name + "' attribute.");
        }
        return element.getAttribute(name);
    }

    private static String optional(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static boolean bool(Element element, String name) {
        String value = optional(element, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw FetchErrors.invalid("'" + value + "' is not a boolean for '" + name + "'.");
        };
    }

    private static Integer integer(Element element, String name) {
        String value = optional(element, name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw FetchErrors.invalid("'" + value + "' is not a positive integer for '" + name + "'.");
        }
    }

    private static Element document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no stderr noise: errors become the exception below
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException e) {
            throw FetchErrors.malformed(e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw FetchErrors.malformed(e.getClass().getSimpleName());
        }
    }
}

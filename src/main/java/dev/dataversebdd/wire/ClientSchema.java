package dev.dataversebdd.wire;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apiguardian.api.API;

/**
 * What the DSL needs to know of the target's tables: entity sets, primary keys, navigation properties and
 * lookup properties. Read from the target's own {@code $metadata} so that custom tables work with no code.
 * Written independently of the emulator's reader on purpose: a shared parser could share a bug and agree with
 * itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClientSchema {

    /**
     * A navigation property as the client sees it. {@code partner} is the navigation property on the other side
     * (CSDL {@code Partner}); {@code lookupProperty} is set on single-valued ones ({@code _parentcustomerid_value}).
     */
    public record Navigation(String name, boolean collection, String targetTable, String lookupProperty,
                             String partner) {
    }

    /** A table: logical name, entity set, key, columns and navigation properties. */
    public record Table(String logicalName, String entitySet, String primaryKey, List<String> columns,
                        Map<String, Navigation> navigations) {

        public Optional<Navigation> navigation(String name) {
            return Optional.ofNullable(navigations.get(name));
        }

        /** As {@link #navigation}, ignoring case: what the most lenient server would accept. */
        public Optional<Navigation> navigationIgnoringCase(String name) {
            Navigation exact = navigations.get(name);
            if (exact != null) {
                return Optional.of(exact);
            }
            return navigations.values().stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst();
        }

        /** The single-valued navigation properties that write {@code lookupProperty} (several for a multi-table lookup). */
        public List<Navigation> navigationsOfLookup(String lookupProperty) {
            return navigations.values().stream().filter(n -> !n.collection() && lookupProperty.equals(n.lookupProperty()))
                    .sorted(Comparator.comparing(Navigation::name)).toList();
        }

        /** The column a row's display name goes in: name, subject, lastname, fullname or title. */
        public Optional<String> primaryNameColumn() {
            for (String candidate : List.of("name", "subject", "lastname", "fullname", "title")) {
                if (columns.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return columns.stream().filter(c -> c.endsWith("_name")).findFirst();
        }
    }

    private final Map<String, Table> byLogicalName;
    private final Map<String, Table> byEntitySet;

    private ClientSchema(Map<String, Table> byLogicalName) {
        this.byLogicalName = byLogicalName;
        this.byEntitySet = new HashMap<>();
        byLogicalName.values().forEach(t -> byEntitySet.put(t.entitySet(), t));
    }

    public Optional<Table> table(String logicalNameOrEntitySet) {
        Table table = byLogicalName.get(logicalNameOrEntitySet);
        return table != null ? Optional.of(table) : Optional.ofNullable(byEntitySet.get(logicalNameOrEntitySet));
    }

    /** As {@link #table}, ignoring case: what the most lenient server would accept. */
    public Optional<Table> tableIgnoringCase(String logicalNameOrEntitySet) {
        Optional<Table> exact = table(logicalNameOrEntitySet);
        if (exact.isPresent()) {
            return exact;
        }
        return byLogicalName.values().stream().filter(t -> t.entitySet().equalsIgnoreCase(logicalNameOrEntitySet)
                || t.logicalName().equalsIgnoreCase(logicalNameOrEntitySet)).findFirst();
    }

    /**
     * The single-valued navigation property on the child table that a one-to-many {@code collection} writes: e.g.
     * {@code parentcustomerid_account} on contact for account's {@code contact_customer_accounts}. Empty for N:N.
     */
    public Optional<Navigation> childSide(Navigation collection) {
        if (!collection.collection()) {
            return Optional.empty();
        }
        // Either side may carry the Partner attribute, so look from both.
        return table(collection.targetTable()).flatMap(child -> child.navigations().values().stream()
                .filter(n -> !n.collection() && n.lookupProperty() != null)
                .filter(n -> n.name().equals(collection.partner()) || collection.name().equals(n.partner()))
                .findFirst());
    }

    public List<String> tableNames() {
        return byLogicalName.keySet().stream().sorted().toList();
    }

    /** Parses a CSDL document; throws {@link IllegalArgumentException} naming what is wrong with it. */
    public static ClientSchema parse(byte[] csdl) {
        Map<String, String> baseTypes = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<String[]>> navigations = new LinkedHashMap<>();
        Map<String, String> entitySets = new HashMap<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(csdl));
            String type = null;
            String[] nav = null;
            boolean inKey = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "EntityType" -> type = null;
                        case "Key" -> inKey = false;
                        case "NavigationProperty" -> nav = null;
                        default -> { }
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if (element.equals("EntityType")) {
                    type = xml.getAttributeValue(null, "Name");
                    columns.put(type, new ArrayList<>());
                    navigations.put(type, new ArrayList<>());
                    String base = xml.getAttributeValue(null, "BaseType");
                    if (base != null) {
                        baseTypes.put(type, unqualified(base));
                    }
                } else if (element.equals("Key")) {
                    inKey = true;
                } else if (element.equals("PropertyRef") && inKey && type != null) {
                    keys.computeIfAbsent(type, k -> new ArrayList<>()).add(xml.getAttributeValue(null, "Name"));
                } else if (element.equals("Property") && type != null) {
                    columns.get(type).add(xml.getAttributeValue(null, "Name"));
                } else if (element.equals("NavigationProperty") && type != null) {
                    nav = new String[] {xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "Type"), null,
                            xml.getAttributeValue(null, "Partner")};
                    navigations.get(type).add(nav);
                } else if (element.equals("ReferentialConstraint") && nav != null) {
                    nav[2] = xml.getAttributeValue(null, "Property");
                } else if (element.equals("EntitySet")) {
                    entitySets.put(unqualified(xml.getAttributeValue(null, "EntityType")), xml.getAttributeValue(null, "Name"));
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the target's $metadata is not well-formed XML: " + e.getMessage(), e);
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String type : columns.keySet()) {
            String set = entitySets.get(type);
            List<String> key = inherited(type, keys, baseTypes);
            if (set == null || key.isEmpty()) {
                continue;
            }
            List<String> allColumns = new ArrayList<>();
            Map<String, Navigation> navs = new LinkedHashMap<>();
            for (String t : chain(type, baseTypes)) {
                allColumns.addAll(columns.getOrDefault(t, List.of()));
                for (String[] n : navigations.getOrDefault(t, List.of())) {
                    boolean collection = n[1].startsWith("Collection(");
                    String target = unqualified(collection ? n[1].substring(11, n[1].length() - 1) : n[1]);
                    navs.put(n[0], new Navigation(n[0], collection, target, n[2], n[3]));
                }
            }
            tables.put(type, new Table(type, set, key.get(0), List.copyOf(allColumns), Map.copyOf(navs)));
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("the target's $metadata declares no entity set with a key");
        }
        return new ClientSchema(tables);
    }

    private static List<String> chain(String type, Map<String, String> baseTypes) {
        List<String> chain = new ArrayList<>();
        for (String t = type; t != null && chain.size() < 32; t = baseTypes.get(t)) {
            chain.add(0, t);
        }
        return chain;
    }

    private static List<String> inherited(String type, Map<String, List<String>> keys, Map<String, String> baseTypes) {
        for (String t = type; t != null; t = baseTypes.get(t)) {
            if (keys.containsKey(t)) {
                return keys.get(t);
            }
        }
        return List.of();
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}

package dev.dataversebdd.targets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Cuts an org's {@code $metadata} (many megabytes) down to the tables a capture is of: those tables, the tables their
 * navigation properties lead to (with their own navigation properties cut at that edge, so the captured tables'
 * lookups keep every target), their base types, their entity sets, and the complex and enum types; the org's
 * actions, functions and free-standing annotations go. What stays is copied as the org wrote it.
 */
final class CsdlTrim {

    private static final Set<String> DROPPED = Set.of("Action", "Function", "ActionImport", "FunctionImport", "Singleton",
            "Annotations", "Term");

    private CsdlTrim() {
    }

    static byte[] keep(byte[] csdl, Set<String> tables) {
        try {
            Map<String, String> baseTypes = new HashMap<>();
            Map<String, Set<String>> targets = new HashMap<>();
            scan(csdl, baseTypes, targets);
            Set<String> kept = new HashSet<>(tables);
            for (String table : tables) {
                kept.addAll(targets.getOrDefault(table, Set.of()));
            }
            Deque<String> bases = new ArrayDeque<>(kept);
            while (!bases.isEmpty()) {
                String base = baseTypes.get(bases.pop());
                if (base != null && kept.add(base)) {
                    bases.push(base);
                }
            }
            return copy(csdl, kept);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("metadata pull: the org's $metadata is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** Every entity type's base type and the types its navigation properties lead to. */
    private static void scan(byte[] csdl, Map<String, String> baseTypes, Map<String, Set<String>> targets)
            throws XMLStreamException {
        XMLEventReader xml = inputs().createXMLEventReader(new ByteArrayInputStream(csdl));
        String current = null;
        while (xml.hasNext()) {
            XMLEvent event = xml.nextEvent();
            if (event.isStartElement()) {
                StartElement start = event.asStartElement();
                String name = start.getName().getLocalPart();
                if (name.equals("EntityType")) {
                    current = attribute(start, "Name");
                    String base = simpleName(attribute(start, "BaseType"));
                    if (base != null) {
                        baseTypes.put(current, base);
                    }
                } else if (name.equals("NavigationProperty") && current != null) {
                    targets.computeIfAbsent(current, k -> new HashSet<>()).add(target(attribute(start, "Type")));
                }
            } else if (event.isEndElement() && event.asEndElement().getName().getLocalPart().equals("EntityType")) {
                current = null;
            }
        }
    }

    private static byte[] copy(byte[] csdl, Set<String> kept) throws XMLStreamException {
        XMLEventReader xml = inputs().createXMLEventReader(new ByteArrayInputStream(csdl));
        ByteArrayOutputStream out = new ByteArrayOutputStream(csdl.length / 4);
        XMLEventWriter writer = XMLOutputFactory.newFactory().createXMLEventWriter(out, "UTF-8");
        int skipping = 0;
        while (xml.hasNext()) {
            XMLEvent event = xml.nextEvent();
            if (skipping > 0) {
                skipping += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
                continue;
            }
            if (event.isStartElement() && dropped(event.asStartElement(), kept)) {
                skipping = 1;
                continue;
            }
            writer.add(event);
        }
        writer.close();
        return out.toByteArray();
    }

    private static boolean dropped(StartElement start, Set<String> kept) {
        String name = start.getName().getLocalPart();
        return switch (name) {
            case "EntityType" -> !kept.contains(attribute(start, "Name"));
            case "EntitySet" -> !kept.contains(simpleName(attribute(start, "EntityType")));
            case "NavigationProperty" -> !kept.contains(target(attribute(start, "Type")));
            default -> DROPPED.contains(name);
        };
    }

    private static String target(String type) {
        String inner = type != null && type.startsWith("Collection(") ? type.substring(11, type.length() - 1) : type;
        return simpleName(inner);
    }

    private static String attribute(StartElement start, String name) {
        Attribute attribute = start.getAttributeByName(new QName(name));
        return attribute == null ? null : attribute.getValue();
    }

    private static String simpleName(String qualified) {
        if (qualified == null) {
            return null;
        }
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    /** For the tests: the entity types a trimmed document declares. */
    static List<String> entityTypes(byte[] csdl) throws XMLStreamException {
        XMLEventReader xml = inputs().createXMLEventReader(new ByteArrayInputStream(csdl));
        List<String> names = new java.util.ArrayList<>();
        while (xml.hasNext()) {
            XMLEvent event = xml.nextEvent();
            if (event.isStartElement() && event.asStartElement().getName().getLocalPart().equals("EntityType")) {
                names.add(attribute(event.asStartElement(), "Name"));
            }
        }
        return names;
    }
}

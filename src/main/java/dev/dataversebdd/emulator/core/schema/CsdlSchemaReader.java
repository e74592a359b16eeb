package dev.dataversebdd.emulator.core.schema;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the parts of a CSDL document that relationships need, in one streaming pass (StAX), so that a real
 * org's multi-megabyte {@code $metadata} loads in well under a second. Everything else (annotations other than
 * alternate keys, actions, functions, complex types) is skipped.
 */
final class CsdlSchemaReader {

    private CsdlSchemaReader() {
    }

    /** A navigation property before the relationship kinds are worked out across types. */
    private record RawNavigation(String name, String type, String partner, String constraint, String onDelete) {
    }

    private static final class RawType {
        final String name;
        String baseType;
        final List<String> key = new ArrayList<>();
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<RawNavigation> navigations = new ArrayList<>();
        final List<List<String>> alternateKeys = new ArrayList<>();
        final Map<String, Integer> maxLengths = new LinkedHashMap<>();

        RawType(String name) {
            this.name = name;
        }
    }

    static Schema read(byte[] document) {
        Map<String, RawType> types = new LinkedHashMap<>();
        Map<String, String> entitySetByType = new HashMap<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            parse(xml, types, entitySetByType);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the $metadata document is not well-formed XML: " + e.getMessage(), e);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the $metadata document declares no EntityType: is it a CSDL document?");
        }
        return new Schema(resolve(types, entitySetByType), document);
    }

    private static void parse(XMLStreamReader xml, Map<String, RawType> types, Map<String, String> entitySetByType)
            throws XMLStreamException {
        RawType current = null;
        boolean inKey = false;
        boolean inAlternateKeys = false;
        List<String> alternateKey = null;
        RawNavigation navigation = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "EntityType" -> {
                        current = new RawType(xml.getAttributeValue(null, "Name"));
                        current.baseType = simpleName(xml.getAttributeValue(null, "BaseType"));
                        types.put(current.name, current);
                    }
                    case "Key" -> inKey = current != null;
                    case "PropertyRef" -> {
                        if (inKey) {
                            current.key.add(xml.getAttributeValue(null, "Name"));
                        }
                    }
                    case "Property" -> {
                        if (current != null) {
                            String name = xml.getAttributeValue(null, "Name");
                            current.properties.put(name, xml.getAttributeValue(null, "Type"));
                            String maxLength = xml.getAttributeValue(null, "MaxLength");
                            if (maxLength != null && maxLength.matches("\\d{1,9}")) {
                                current.maxLengths.put(name, Integer.parseInt(maxLength));
                            }
                        }
                    }
                    case "NavigationProperty" -> navigation = new RawNavigation(xml.getAttributeValue(null, "Name"),
                            xml.getAttributeValue(null, "Type"), xml.getAttributeValue(null, "Partner"), null, null);
                    case "ReferentialConstraint" -> {
                        if (navigation != null) {
                            navigation = new RawNavigation(navigation.name(), navigation.type(), navigation.partner(),
                                    xml.getAttributeValue(null, "Property"), navigation.onDelete());
                        }
                    }
                    case "OnDelete" -> {
                        if (navigation != null) {
                            navigation = new RawNavigation(navigation.name(), navigation.type(), navigation.partner(),
                                    navigation.constraint(), xml.getAttributeValue(null, "Action"));
                        }
                    }
                    case "Annotation" -> {
                        if (current != null && "OData.Community.Keys.V1.AlternateKeys".equals(xml.getAttributeValue(null, "Term"))) {
                            inAlternateKeys = true;
                        }
                    }
                    case "Record" -> {
                        if (inAlternateKeys && "OData.Community.Keys.V1.AlternateKey".equals(xml.getAttributeValue(null, "Type"))) {
                            alternateKey = new ArrayList<>();
                        }
                    }
                    case "PropertyValue" -> {
                        if (alternateKey != null && "Name".equals(xml.getAttributeValue(null, "Property"))) {
                            alternateKey.add(xml.getAttributeValue(null, "PropertyPath"));
                        }
                    }
                    case "EntitySet" -> entitySetByType.put(simpleName(xml.getAttributeValue(null, "EntityType")),
                            xml.getAttributeValue(null, "Name"));
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "EntityType" -> current = null;
                    case "Key" -> inKey = false;
                    case "NavigationProperty" -> {
                        if (current != null && navigation != null) {
                            current.navigations.add(navigation);
                        }
                        navigation = null;
                    }
                    case "Annotation" -> inAlternateKeys = false;
                    case "Record" -> {
                        if (alternateKey != null && current != null) {
                            if (!alternateKey.isEmpty()) {
                                current.alternateKeys.add(List.copyOf(alternateKey));
                            }
                            alternateKey = null;
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private static List<EntityType> resolve(Map<String, RawType> types, Map<String, String> entitySetByType) {
        Map<String, RawType> flattened = new LinkedHashMap<>();
        for (RawType type : types.values()) {
            flattened.put(type.name, flatten(type, types));
        }
        List<EntityType> result = new ArrayList<>();
        for (RawType type : flattened.values()) {
            if (type.key.isEmpty()) {
                continue; // abstract bases such as crmbaseentity: no rows, no entity set
            }
            Map<String, NavigationProperty> navigations = new LinkedHashMap<>();
            for (RawNavigation raw : type.navigations) {
                navigations.put(raw.name(), navigation(raw, flattened));
            }
            result.add(new EntityType(type.name, entitySetByType.get(type.name), type.key.get(0), type.properties,
                    navigations, type.alternateKeys, type.maxLengths));
        }
        return result;
    }

    /** Copies the members of the base types into the type itself (activity tables inherit activityid). */
    private static RawType flatten(RawType type, Map<String, RawType> types) {
        RawType flat = new RawType(type.name);
        List<RawType> chain = new ArrayList<>();
        for (RawType t = type; t != null && chain.size() < 32; t = t.baseType == null ? null : types.get(t.baseType)) {
            chain.add(0, t);
        }
        for (RawType t : chain) {
            if (!t.key.isEmpty()) {
                flat.key.clear();
                flat.key.addAll(t.key);
            }
            flat.properties.putAll(t.properties);
            flat.navigations.addAll(t.navigations);
            flat.alternateKeys.addAll(t.alternateKeys);
            flat.maxLengths.putAll(t.maxLengths);
        }
        return flat;
    }

    private static NavigationProperty navigation(RawNavigation raw, Map<String, RawType> types) {
        NavigationProperty.DeleteAction onDelete = "Cascade".equalsIgnoreCase(raw.onDelete())
                ? NavigationProperty.DeleteAction.CASCADE : NavigationProperty.DeleteAction.REMOVE_LINK;
        String type = raw.type();
        if (!type.startsWith("Collection(")) {
            return new NavigationProperty(raw.name(), NavigationProperty.Kind.SINGLE, simpleName(type), raw.partner(),
                    raw.constraint(), onDelete);
        }
        String target = simpleName(type.substring("Collection(".length(), type.length() - 1));
        if (raw.name().equals(raw.partner())) {
            // Dataverse names an N:N navigation property the same on both sides, with itself as partner.
            return new NavigationProperty(raw.name(), NavigationProperty.Kind.MANY_TO_MANY, target, raw.partner(), null,
                    onDelete);
        }
        String lookup = null;
        RawType targetType = types.get(target);
        if (targetType != null) {
            for (RawNavigation candidate : targetType.navigations) {
                if (candidate.name().equals(raw.partner())) {
                    lookup = candidate.constraint();
                }
            }
        }
        return new NavigationProperty(raw.name(), NavigationProperty.Kind.ONE_TO_MANY, target, raw.partner(), lookup,
                onDelete);
    }

    private static String simpleName(String qualified) {
        if (qualified == null) {
            return null;
        }
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}

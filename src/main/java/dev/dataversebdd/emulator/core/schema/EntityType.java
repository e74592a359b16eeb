package dev.dataversebdd.emulator.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A table as the Web API sees it: logical name, entity set, primary key, structural properties,
 * navigation properties, alternate keys and string lengths (inherited members already flattened in).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EntityType(
        String logicalName,
        String entitySetName,
        String primaryKey,
        Map<String, String> properties,
        Map<String, NavigationProperty> navigations,
        List<List<String>> alternateKeys,
        Map<String, Integer> maxLengths) {

    public EntityType {
        properties = Map.copyOf(properties);
        navigations = Map.copyOf(navigations);
        alternateKeys = List.copyOf(alternateKeys);
        maxLengths = Map.copyOf(maxLengths);
    }

    /** The {@code MaxLength} the metadata declares for a string property, if any. */
    public Optional<Integer> maxLength(String name) {
        return Optional.ofNullable(maxLengths.get(name));
    }

    public Optional<NavigationProperty> navigation(String name) {
        return Optional.ofNullable(navigations.get(name));
    }

    public boolean hasProperty(String name) {
        return properties.containsKey(name);
    }

    /** The EDM type of a structural property, e.g. {@code Edm.String}. */
    public String propertyType(String name) {
        return properties.get(name);
    }

    /** Lookup properties ({@code _x_value}) are computed and read-only: they change only through navigation. */
    public boolean isLookupProperty(String name) {
        return name.startsWith("_") && name.endsWith("_value") && properties.containsKey(name);
    }

    public String qualifiedName() {
        return "Microsoft.Dynamics.CRM." + logicalName;
    }
}

package dev.dataversebdd.emulator.core.schema;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * What an org's {@code EntityDefinitions} say of a table and CSDL does not: its primary id and name columns, its
 * ownership type and object type code, and per column the attribute type and option-set labels ("Query table
 * definitions using the Web API", D23). From a capture when there is one, else worked out from CSDL (see
 * {@link Definitions#derived}).
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record TableDefinition(
        String logicalName,
        String schemaName,
        UUID metadataId,
        String primaryIdAttribute,
        String primaryNameAttribute,
        String ownershipType,
        Integer objectTypeCode,
        boolean isActivity,
        boolean isCustomEntity,
        Map<String, ColumnDefinition> columns,
        Map<String, java.util.List<String>> keys) {

    /** One column: its {@code AttributeType} and, for a choice column, its options' labels by value. */
    public record ColumnDefinition(String logicalName, UUID metadataId, String attributeType,
                                   Map<Integer, String> optionLabels) {

        public ColumnDefinition {
            optionLabels = Map.copyOf(optionLabels);
        }
    }

    public TableDefinition {
        columns = Map.copyOf(columns);
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys)); // in the org's order
    }

    /** The name the org gives the alternate key made of {@code attributes}, if the definitions carry it. */
    public Optional<String> keyName(java.util.List<String> attributes) {
        return keys.entrySet().stream().filter(e -> e.getValue().equals(attributes)).map(Map.Entry::getKey).findFirst();
    }

    public Optional<ColumnDefinition> column(String logicalName) {
        return Optional.ofNullable(columns.get(logicalName));
    }

    /** The label of option {@code value} of choice column {@code column}, if the definitions carry one. */
    public Optional<String> optionLabel(String column, int value) {
        ColumnDefinition definition = columns.get(column);
        return definition == null ? Optional.empty() : Optional.ofNullable(definition.optionLabels().get(value));
    }
}

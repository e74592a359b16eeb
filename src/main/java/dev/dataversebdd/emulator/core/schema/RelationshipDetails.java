package dev.dataversebdd.emulator.core.schema;

import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * What an org's {@code RelationshipDefinitions} say of one relationship and CSDL does not: its cascade
 * configuration (one-to-many: one {@code CascadeType} name per action, "Configure table relationship cascading
 * behavior", D24), or for a many-to-many relationship its intersect table and which side is Entity1.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public record RelationshipDetails(
        String schemaName,
        UUID metadataId,
        boolean isCustomRelationship,
        Map<String, String> cascade,
        String intersectEntityName,
        String entity1LogicalName) {

    public RelationshipDetails {
        cascade = cascade == null ? Map.of() : Map.copyOf(cascade);
    }
}

package dev.dataversebdd.emulator.core.schema;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The definitions of a {@link Schema}'s tables and relationships, for the emulator's operations: kept off the stable
 * {@code Schema} so that its public surface hands out no internal type.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class Tables {

    private Tables() {
    }

    /** The definition of a table (captured, shipped or worked out from CSDL). */
    public static TableDefinition of(Schema schema, String logicalName) {
        return schema.table(logicalName);
    }

    /** Every table, in the order of the document. */
    public static List<EntityType> all(Schema schema) {
        return schema.types();
    }

    /** What the captured or shipped definitions say of relationship {@code schemaName}. */
    public static Optional<RelationshipDetails> relationship(Schema schema, String schemaName) {
        return schema.definitions().relationship(schemaName);
    }
}

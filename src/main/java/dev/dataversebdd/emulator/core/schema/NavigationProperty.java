package dev.dataversebdd.emulator.core.schema;

import org.apiguardian.api.API;

/**
 * One navigation property of an entity type, as its CSDL declares it.
 *
 * <p>The three relationship shapes of Dataverse differ only in where the link lives:
 * <ul>
 *   <li>{@link Kind#SINGLE}: on this row, in the lookup property {@link #lookupProperty()} ({@code _x_value});</li>
 *   <li>{@link Kind#ONE_TO_MANY}: on the related rows, in the lookup of the partner navigation property;</li>
 *   <li>{@link Kind#MANY_TO_MANY}: in an intersect set of pairs, named by the navigation property on both sides.</li>
 * </ul>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record NavigationProperty(
        String name,
        Kind kind,
        String targetType,
        String partner,
        String lookupProperty,
        DeleteAction onDelete) {

    /** The shape of the relationship, seen from the declaring entity type. */
    public enum Kind { SINGLE, ONE_TO_MANY, MANY_TO_MANY }

    /** What deleting the declaring row does to the related rows (CSDL {@code OnDelete}). */
    public enum DeleteAction { CASCADE, REMOVE_LINK }

    public boolean isCollection() {
        return kind != Kind.SINGLE;
    }
}

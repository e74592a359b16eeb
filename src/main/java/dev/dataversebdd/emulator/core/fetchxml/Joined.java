package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.fetchxml.FetchQuery.Link;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;

/**
 * A link-entity resolved against the schema: the key its rows travel under (its alias, or its name and a number),
 * its table, the parent it joins to ({@code parentKey} null for the entity itself), and the columns that match, or
 * the N:N navigation property when it is reached through an intersect entity. An {@code exists} link (link-type
 * {@code exists} or {@code in}) keeps each row with a match once and adds nothing to it.
 */
record Joined(String key, EntityType type, Link link, String parentKey, EntityType parentType, String fromProperty,
              String toProperty, NavigationProperty throughIntersect, boolean outer, boolean exists) {
}

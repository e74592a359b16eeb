package dev.dataversebdd.safety;

import dev.dataversebdd.wire.ClientSchema;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a URL or an entity reference names, read the way the most lenient server would read it: the entity set, the
 * row's key (a GUID, or an alternate key still to be looked up), and the segments and query that follow.
 *
 * @param table     the entity set's table; null when the first segment is no entity set of the org
 * @param key       the key as written between the parentheses, null for a collection
 * @param id        the row's id when the key names it directly (any case, braces, {@code pk=})
 * @param following the decoded segments after the row (navigation property, {@code $ref}, a nested key …)
 * @param idQuery   the decoded {@code $id} query option, if any
 */
record Address(ClientSchema.Table table, String key, UUID id, List<String> following, String idQuery) {

    boolean namesEntitySet() {
        return table != null;
    }

    boolean isCollection() {
        return table != null && key == null;
    }

    /** A key that is not a GUID but {@code name=value} pairs: an alternate key, resolved by reading it. */
    boolean hasAlternateKey() {
        return key != null && id == null && key.contains("=");
    }

    Optional<String> segment(int index) {
        return index < following.size() ? Optional.of(following.get(index)) : Optional.empty();
    }
}

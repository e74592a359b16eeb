package dev.dataversebdd.safety;

import dev.dataversebdd.wire.ClientSchema;
import java.util.UUID;

/**
 * What a URL or an entity reference names, read once by {@link AddressParser} the way the most lenient server would
 * read it, as a type the guard switches over (as Olingo's dispatcher switches over a parsed URI): no entity set of
 * the target, an entity set, or a row with its key and what follows it.
 */
sealed interface Address {

    /** The decoded {@code $id} query option, null when there is none. */
    String idQuery();

    /** The first segment is no entity set of the target's {@code $metadata}. */
    record Unknown(String idQuery) implements Address {
    }

    /**
     * One segment that is no entity set and has no key: an unbound action or function ({@code GrantAccess},
     * {@code Microsoft.Dynamics.CRM.RevokeAccess}), named as written, decoded.
     */
    record Operation(String name, String idQuery) implements Address {
    }

    /**
     * An entity set without a key ({@code accounts}).
     *
     * @param following the decoded segments after it ({@code Microsoft.Dynamics.CRM.SomeAction}), null when none
     */
    record EntitySet(ClientSchema.Table table, String following, String idQuery) implements Address {
    }

    /** A row, {@code accounts(<key>)}, and what follows it. */
    record Row(ClientSchema.Table table, Key key, Following following, String idQuery) implements Address {
    }

    /** A key as written between the parentheses. */
    sealed interface Key {

        /** The key names the row's id directly: a GUID in any case, in braces or quotes, or {@code pk=guid}. */
        record Id(UUID id) implements Key {
        }

        /** {@code name=value} pairs that are not the primary key: an alternate key, resolved by reading it. */
        record Alternate(String written) implements Key {
        }

        /** Neither: a key that names no row, which the target refuses. */
        record Malformed(String written) implements Key {
        }
    }

    /** The decoded segments after a row. */
    sealed interface Following {

        /** Nothing: the request is about the row itself. */
        record Nothing() implements Following {
        }

        /**
         * {@code /<nav>[(<key>)][/$ref]}: a navigation property of the row's table, matched in any case.
         *
         * @param segment the segment as written (decoded), for messages
         * @param key     the key after the property, as written, null when there is none
         */
        record Navigation(ClientSchema.Navigation nav, String segment, String key, boolean ref) implements Following {
        }

        /** Anything else: an unknown navigation property, a longer path, or a second segment that is not {@code $ref}. */
        record Other(String path) implements Following {
        }
    }
}

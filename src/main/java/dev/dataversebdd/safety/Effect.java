package dev.dataversebdd.safety;

/**
 * What a write would do to the rows of the target, as far as the guard is concerned. {@link EffectReader} turns a
 * request into effects; {@link LiveGuard} decides whether each is allowed.
 */
sealed interface Effect {

    /** A new row, with the id the request gives it (injected by the guard, written by the author, or from the URL). */
    record Creates(RowId row, Proof proof) implements Effect {
    }

    /**
     * The lookup behind {@code navigation} of {@code row} changes: to {@code target}, or to nothing when
     * {@code clears}. A null target that does not clear names no row (a reference the server will refuse).
     */
    record SetsLookup(RowId row, String navigation, RowId target, boolean clears) implements Effect {
    }

    /** An N:N pair of {@code relationship} is added or removed. */
    record Pairs(RowId a, RowId b, String navigation) implements Effect {
    }

    /** Column values of {@code row} change, or the request reshapes it in a way the guard does not model. */
    record Changes(RowId row, String what) implements Effect {
    }

    /** The row is deleted, with whatever its relationships take along. */
    record Deletes(RowId row) implements Effect {
    }

    /** The request names {@code row} as a target of a link or inside a body; it must be a row the run may use. */
    record Uses(RowId row, String where) implements Effect {
    }

    /** How the guard knows a created row is the run's own. */
    enum Proof {
        /** The guard chose a fresh random id and put it in the body: the row exists only if this request made it. */
        INJECTED_ID,
        /** The row was proven absent before an upsert sent with {@code If-None-Match: *}: only a create can succeed. */
        ABSENT_BEFORE_UPSERT,
        /** The author wrote the id; only the request's 2xx answer proves the row is the run's. */
        AUTHOR_ID
    }
}

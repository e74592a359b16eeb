package dev.dataversebdd.emulator.core.uri;

import org.apiguardian.api.API;

/** One path segment: a name with an optional key predicate, e.g. {@code accounts(…)} or {@code $ref}. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Segment(String name, KeyPredicate key) {

    public boolean hasKey() {
        return key != null;
    }

    public boolean is(String literal) {
        return key == null && name.equals(literal);
    }

    @Override
    public String toString() {
        return key == null ? name : name + "(" + key.raw() + ")";
    }
}

package dev.dataversebdd.emulator.core.uri;

/** One path segment: a name with an optional key predicate, e.g. {@code accounts(…)} or {@code $ref}. */
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

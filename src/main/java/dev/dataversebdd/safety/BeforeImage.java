package dev.dataversebdd.safety;

/**
 * The state of one lookup of a row the run did not create, as it was before the run first changed it: which
 * navigation property pointed where ({@code navigation} and {@code target} null when it pointed nowhere).
 * Cleanup puts exactly this back.
 */
record BeforeImage(RowId row, String lookupProperty, String navigation, RowId target) {

    String describe() {
        return row + " " + lookupProperty + " = " + (target == null ? "null" : target + " (via " + navigation + ")");
    }
}

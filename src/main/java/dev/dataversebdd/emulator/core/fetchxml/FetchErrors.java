package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.Errors;

/**
 * FetchXML's refusals. Microsoft's pages document the rules but not the error bodies, so the codes here are the
 * emulator's choice [INF] (behaviours.md, "FetchXML"); the gaps are the emulator's 501.
 */
final class FetchErrors {

    static final String MODELLED = "fetch (top, count, page, paging-cookie, distinct, aggregate), entity, attribute "
            + "(alias, aggregate, groupby, distinct, dategrouping year|quarter|month|day), all-attributes, order, "
            + "filter (and|or), condition (eq, ne, lt, le, gt, ge, null, not-null, like, not-like, begins-with, "
            + "not-begin-with, ends-with, not-end-with, in, not-in, between, not-between), link-entity (inner|outer|exists|in, "
            + "intersect)";

    private FetchErrors() {
    }

    /** XML that does not parse, or is not a {@code <fetch>} [INF: code]. */
    static DataverseException malformed(String detail) {
        return new DataverseException(400, "0x80040203", "Invalid XML in the fetchXml parameter: " + detail);
    }

    /** A FetchXML rule broken (a required attribute missing, an invalid value) [INF: code]. */
    static DataverseException invalid(String detail) {
        return new DataverseException(400, "0x80040203", "Invalid FetchXml: " + detail);
    }

    /** The entity element names another table than the entity set's [INF: code and text]. */
    static DataverseException wrongEntity(String named, String expected, String entitySet) {
        return new DataverseException(400, "0x80040203", "The entity name '" + named + "' in the fetchXml does not "
                + "match the table of the entity set '" + entitySet + "', which is '" + expected + "'.");
    }

    /** A column the table does not have [INF: code]. */
    static DataverseException noAttribute(String table, String attribute) {
        return new DataverseException(400, "0x80041103", "'" + table + "' entity doesn't contain attribute with Name = '"
                + attribute + "'.");
    }

    /** A link-entity naming no table and no intersect the emulator knows [INF: code]. */
    static DataverseException noEntity(String name) {
        return new DataverseException(400, "0x80041102", "The entity with a name = '" + name
                + "' was not found in the MetadataCache.");
    }

    /** More than 50,000 rows under an aggregate (F7, "Limitations"; the Web API answers it as a 400 [INF]). */
    static DataverseException aggregateLimit() {
        return new DataverseException(400, "0x8004E023",
                "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");
    }

    static DataverseException gap(String what) {
        return Errors.emulatorGap("the FetchXML " + what, MODELLED);
    }
}

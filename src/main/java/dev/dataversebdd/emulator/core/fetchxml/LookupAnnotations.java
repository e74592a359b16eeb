package dev.dataversebdd.emulator.core.fetchxml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.List;
import java.util.function.Predicate;

/**
 * A lookup column's annotations in a FetchXML answer, each only when {@code Prefer: odata.include-annotations} asks
 * for it, as the OData answers carry them: the related row's primary name as its formatted value, and its table.
 * Other formatted values (numbers, dates, choices) are not modelled, in FetchXML as in OData answers.
 */
final class LookupAnnotations {

    static final String FORMATTED = "OData.Community.Display.V1.FormattedValue";
    static final String LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
    private static final List<String> PRIMARY_NAMES = List.of("name", "fullname", "subject", "title");

    private final Store store;
    private final boolean formatted;
    private final boolean logicalName;

    private LookupAnnotations(Store store, boolean formatted, boolean logicalName) {
        this.store = store;
        this.formatted = formatted;
        this.logicalName = logicalName;
    }

    /** Null when the request asks for neither annotation. */
    static LookupAnnotations asked(Store store, Predicate<String> annotation) {
        boolean formatted = annotation.test(FORMATTED);
        boolean logicalName = annotation.test(LOGICAL_NAME);
        return formatted || logicalName ? new LookupAnnotations(store, formatted, logicalName) : null;
    }

    void write(ObjectNode json, String output, EntityRef target) {
        if (formatted) {
            store.find(target).map(LookupAnnotations::primaryName).ifPresent(name ->
                    json.put(output + "@" + FORMATTED, name));
        }
        if (logicalName) {
            json.put(output + "@" + LOGICAL_NAME, target.logicalName());
        }
    }

    private static String primaryName(Row row) {
        for (String candidate : PRIMARY_NAMES) {
            JsonNode value = row.attribute(candidate);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}

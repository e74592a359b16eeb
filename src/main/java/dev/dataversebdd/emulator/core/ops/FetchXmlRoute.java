package dev.dataversebdd.emulator.core.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.fetchxml.FetchRequest;
import dev.dataversebdd.emulator.core.fetchxml.FetchSemantics;
import dev.dataversebdd.emulator.core.fetchxml.FetchXml;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Filter;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import java.util.List;
import java.util.Map;

/**
 * {@code GET {set}?fetchXml=…}: hands the query to the FetchXML evaluator with the {@code $filter} evaluator's
 * semantics, so that both query languages agree on nulls, case and types, and answers with the {@code Prefer}
 * annotations echoed as {@code $filter} lists are.
 */
final class FetchXmlRoute {

    private final RowLocator rows;
    private final FetchXml fetch;

    FetchXmlRoute(RowLocator rows, Linker linker) {
        this.rows = rows;
        FilterEvaluator filters = new FilterEvaluator(rows, linker);
        this.fetch = new FetchXml(new FetchSemantics() {
            @Override
            public boolean matches(EntityType type, Row row, Filter filter) {
                return filters.matches(type, row, filter);
            }

            @Override
            public int compare(Object left, Object right) {
                return FilterEvaluator.order(left, right);
            }
        });
    }

    static String query(RequestContext context) {
        return FetchXml.parameter(context.request().rawQuery());
    }

    EmulatorResponse list(EntityType type, List<Row> readable, String xml, RequestContext context) {
        QueryOptions query = context.query();
        // "Page results using FetchXml" sends $count=true beside fetchXml; other system query options are not modelled
        if (!query.equals(new QueryOptions(null, List.of(), null, null, null, null, List.of(), query.count()))) {
            throw Errors.emulatorGap("fetchXml together with other system query options", "fetchXml alone, or with $count");
        }
        ObjectNode body = fetch.run(new FetchRequest(rows.schema(), rows.store(), type, readable, xml, context.guard(),
                context::includesAnnotation, context.serviceRoot()));
        return Responses.json(200, body, context.asksForAnnotations()
                ? Map.of("Preference-Applied", context.includeAnnotationsValue()) : Map.of());
    }
}

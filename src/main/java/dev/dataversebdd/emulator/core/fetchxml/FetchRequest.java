package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One FetchXML query: the entity set's table and the rows of it the caller may read (filtered as a {@code $filter}
 * list is), the FetchXML text, the checks for linked rows, which annotations the {@code Prefer} header asks for, and
 * the service root for {@code @odata.context}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FetchRequest(Schema schema, Store store, EntityType type, List<Row> readable, String xml, Guard guard,
                           Predicate<String> annotation, String serviceRoot) {
}

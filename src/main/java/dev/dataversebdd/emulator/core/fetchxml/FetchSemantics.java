package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.uri.Filter;
import org.apiguardian.api.API;

/**
 * What FetchXML shares with {@code $filter}, supplied by the operations above: the three-valued evaluation of a
 * filter and the comparison of two column values, so both query languages agree on nulls, case and types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface FetchSemantics {

    /** True only when {@code filter} is true for the row: false and unknown (null) leave it out. */
    boolean matches(EntityType type, Row row, Filter filter);

    /** Orders two non-null column values as {@code $orderby} and {@code $filter} do. */
    int compare(Object left, Object right);
}

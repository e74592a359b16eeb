package dev.dataversebdd.emulator.core.state;

import java.util.UUID;
import org.apiguardian.api.API;

/** A row named by its table's logical name and primary key. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EntityRef(String logicalName, UUID id) {
}

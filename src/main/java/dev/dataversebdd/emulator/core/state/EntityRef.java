package dev.dataversebdd.emulator.core.state;

import java.util.UUID;

/** A row named by its table's logical name and primary key. */
public record EntityRef(String logicalName, UUID id) {
}

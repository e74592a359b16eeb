/** Internal: the emulator's operations (routing, reads, writes, links). Not part of the public API. */
package dev.dataversebdd.emulator.core.ops;

/** Internal: the emulator's rows, lookups, pairs and undo log. Not part of the public API. */
package dev.dataversebdd.emulator.core.state;

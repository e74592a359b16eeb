/** Internal: the emulator's reading of CSDL {@code $metadata}. Not part of the public API except {@code Schema}. */
package dev.dataversebdd.emulator.core.schema;

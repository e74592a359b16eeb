/** Internal: the emulator's parsing of URLs, keys and query options. Not part of the public API. */
package dev.dataversebdd.emulator.core.uri;

/**
 * Internal: the DSL's plumbing (the HTTP channel and its transports, the client's own reading of {@code $metadata},
 * failure messages and hints). Not part of the public API; it changes without notice.
 */
package dev.dataversebdd.dsl.internal;

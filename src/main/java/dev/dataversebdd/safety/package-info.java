/**
 * Internal: live safety. Every write resolved to the rows it touches, ownership proven by construction, before-images
 * of existing rows, cascade-aware cleanup, the write-ahead run ledger and its sweep (see
 * src/site/markdown/live-safety.md). It stands on {@code wire} and never on the DSL: it states what it needs (a
 * session's {@link dev.dataversebdd.safety.RowLabels}) and throws its own {@link dev.dataversebdd.safety.Refusal},
 * which the DSL turns into its public {@code RefusedRequest}. Not part of the public API.
 */
package dev.dataversebdd.safety;

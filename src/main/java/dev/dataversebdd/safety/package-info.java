/**
 * Internal: live safety. Every write resolved to the rows it touches, ownership proven by construction, before-images
 * of existing rows, cascade-aware cleanup, the write-ahead run ledger and its sweep (see src/site/markdown/live-safety.md). Not part
 * of the public API; users meet it through {@link dev.dataversebdd.dsl.RefusedRequest} and the sweep.
 */
package dev.dataversebdd.safety;

/**
 * Internal: the client's bottom floor, what the DSL and the live-safety net both stand on and that imports neither:
 * the HTTP channel and its transports (the only code that builds RestAssured requests), Dataverse's header names,
 * the client's own reading of {@code $metadata}, edit distance for "did you mean" hints, and the parse of an error
 * body. A channel is built from a small value ({@link dev.dataversebdd.wire.Endpoint}), not from a target. Not part
 * of the public API; it changes without notice.
 */
package dev.dataversebdd.wire;

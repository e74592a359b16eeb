/**
 * Dataverse's service protection limits, modelled: per caller, requests and combined execution time in a sliding
 * window, concurrent requests, and the penalty a caller serves once over a limit. Plain Java, free of the rest of
 * the core: the request pipeline asks {@link dev.dataversebdd.emulator.core.limits.Limiter} before it serves a
 * request and tells it when the request is done.
 */
package dev.dataversebdd.emulator.core.limits;

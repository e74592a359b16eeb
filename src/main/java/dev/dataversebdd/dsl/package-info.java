/**
 * The fluent DSL: a {@link dev.dataversebdd.dsl.Dataverse} connection to a {@link dev.dataversebdd.dsl.Target}, one
 * {@link dev.dataversebdd.dsl.DataverseSession} per scenario, the Web API's verbs (associate, disassociate, rebind,
 * update, replace parties, create, raw requests), their {@link dev.dataversebdd.dsl.Outcome}s and read-back checks.
 * Types marked {@code @API(status = STABLE)} are what users may rely on.
 */
package dev.dataversebdd.dsl;

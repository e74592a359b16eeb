/**
 * The adapters behind the DSL's {@link dev.dataversebdd.dsl.Target} port: the embedded emulator, a live org with its
 * OAuth (MSAL4J), and the configuration that chooses between them ({@link dev.dataversebdd.targets.Targets},
 * {@link dev.dataversebdd.targets.Settings}).
 */
package dev.dataversebdd.targets;

/**
 * The emulator without HTTP: {@link dev.dataversebdd.emulator.core.DataverseService#handle} takes a request and returns
 * Dataverse's answer, with its test surface (faults, snapshots, journal, behaviour switches).
 */
package dev.dataversebdd.emulator.core;

/** The emulator on a real HTTP server (Jetty, loopback by default) and the standalone program. */
package dev.dataversebdd.emulator.http;

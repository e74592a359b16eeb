/** The emulator on a real HTTP server (Jetty, loopback by default); the standalone program is {@code cli.EmulatorCommand}. */
package dev.dataversebdd.emulator.http;

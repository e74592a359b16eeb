/**
 * The standalone program's commands on picocli ({@link dev.dataversebdd.cli.Main}: emulator, sweep, health,
 * conformance run/diff/replay), and the commands the build runs (leak scan, run comparison, Allure history). Nothing
 * outside this package uses it or picocli: picocli is an optional dependency, bundled in the standalone jar only.
 */
package dev.dataversebdd.cli;

/** Commands for the command line: the sweep of leftovers, and the leak scan the build runs. */
package dev.dataversebdd.cli;

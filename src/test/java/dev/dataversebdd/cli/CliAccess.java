package dev.dataversebdd.cli;

import java.io.PrintWriter;

/** Lets tests in other packages run a command of the standalone program, its output to {@code out}. */
public final class CliAccess {

    private CliAccess() {
    }

    public static int run(PrintWriter out, String... args) {
        return Main.run(out, out, args);
    }
}

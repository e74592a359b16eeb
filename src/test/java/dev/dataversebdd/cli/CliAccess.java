package dev.dataversebdd.cli;

import java.io.PrintWriter;

/** Lets tests in other packages run a command line as {@code cli.Main} would, without {@code System.exit}. */
public final class CliAccess {

    private CliAccess() {
    }

    /** Output and errors both to {@code out}; returns the exit code. */
    public static int run(PrintWriter out, String... args) {
        return Main.run(out, out, args);
    }
}

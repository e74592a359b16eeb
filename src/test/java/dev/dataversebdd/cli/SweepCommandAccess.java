package dev.dataversebdd.cli;

/** Lets tests in other packages run the sweep command as its main would, without {@code System.exit}. */
public final class SweepCommandAccess {

    private SweepCommandAccess() {
    }

    public static int run(String... args) {
        return SweepCommand.run(args);
    }
}

package dev.dataversebdd.cli;

/**
 * A command cannot do what it was asked, for a reason its message gives in one line (the port is taken, a file
 * cannot be written): the program says it and exits 2, without a stack trace.
 */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}

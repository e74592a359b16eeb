package dev.dataversebdd.dsl;

import java.util.UUID;

/** What a read-back check needs to fail well: the row it checks, the read it made, and how rows are named. */
final class ReadBack {

    private final RowRef row;
    private final Conversation conversation;
    private final Aliases aliases;

    ReadBack(RowRef row, Conversation conversation, Aliases aliases) {
        this.row = row;
        this.conversation = conversation;
        this.aliases = aliases;
    }

    RowRef row() {
        return row;
    }

    /** A failed read-back, showing the last read it made. */
    AssertionError fail(String expected, String actual, String doing) {
        return conversation.failures().of("read-back", expected, actual, doing, conversation.lastRead(), row.table());
    }

    /** A row as scenarios name it ({@code account "Contoso"}), or its id when the session does not know it. */
    String describe(UUID id) {
        return aliases.label(id).orElse(id + " (not created by this scenario)");
    }
}

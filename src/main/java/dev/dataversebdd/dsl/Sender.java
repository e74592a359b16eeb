package dev.dataversebdd.dsl;

/**
 * Where a verb's {@link Operation} goes: the session's {@link Conversation}, which sends it at once, or a
 * {@link ChangeSet}'s, which keeps it for its batch and answers once the batch has been sent.
 */
interface Sender {

    Outcome send(Operation operation);
}

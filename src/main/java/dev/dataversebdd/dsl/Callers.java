package dev.dataversebdd.dsl;

import java.util.Map;

/**
 * Who a session's view sends as ({@link DataverseSession#as}, {@link DataverseSession#signedInAs}): the headers that
 * say so and the words its failures use.
 */
final class Callers {

    private Callers() {
    }

    /** On behalf of {@code user}: {@code MSCRMCallerID: <systemuserid>}. */
    static Conversation.Caller onBehalfOf(RowRef user) {
        requireUser(user);
        return new Conversation.Caller(Map.of("MSCRMCallerID", user.id().toString()), "as " + user.describe());
    }

    /** As {@code user} themselves, with an unsigned token naming their Entra object id: the embedded emulator only. */
    static Conversation.Caller signedIn(RowRef user, Target target, Conversation conversation) {
        requireUser(user);
        if (target.isSharedWithOthers()) {
            throw new IllegalStateException("signing in as " + user.describe() + " needs that user's own token, which "
                    + target.description() + " gives only to them: run this as an @emulator-only scenario, or run it "
                    + "with that user's settings");
        }
        String objectId = conversation.read("read the Entra object id of " + user.describe(), user.path()
                + "?$select=azureactivedirectoryobjectid", Map.of(), user.table()).path("azureactivedirectoryobjectid")
                .asText();
        return new Conversation.Caller(Map.of("Authorization", "Bearer " + UnsignedToken.naming(objectId)),
                "signed in as " + user.describe());
    }

    private static void requireUser(RowRef user) {
        if (!"systemuser".equals(user.table())) {
            throw new IllegalArgumentException(user.describe() + " is not a user: only a systemuser can send requests");
        }
    }
}

package dev.dataversebdd.dsl;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Dataverse's three security refusals, as a check expects it (security.md, S6, S7): what it looks like, how an
 * answer differs from it, and the one hint for the difference.
 */
record SecurityRefusal(String code, String description, String needle, String principalId, String kind) {

    private static final Pattern MISSING = Pattern.compile("is missing (\\w+) privilege");
    private static final Pattern PRINCIPAL = Pattern.compile("Principal user \\(Id=([0-9a-fA-F-]{36})");
    static final String PRIVILEGE = "0x80040220";
    static final String ACCESS = "0x80048306";
    static final String IMPERSONATION = "0x8004A110";

    static SecurityRefusal missingPrivilege(String privilege, RowRef user) {
        return new SecurityRefusal(PRIVILEGE, "403 Forbidden, error " + PRIVILEGE + ": " + (user == null ? "the caller"
                : user.describe()) + " lacks " + privilege, privilege, user == null ? null : user.id().toString(),
                "privilege");
    }

    static SecurityRefusal noAccess(RowRef row) {
        return new SecurityRefusal(ACCESS, "403 Forbidden, error " + ACCESS + ": no access to " + row.describe() + " ("
                + row.id() + ")", row.id().toString(), null, "access");
    }

    static SecurityRefusal impersonation() {
        return new SecurityRefusal(IMPERSONATION, "403 Forbidden, error " + IMPERSONATION + ": may not act on behalf "
                + "of another user", null, null, "impersonation");
    }

    /** How the answer differs from this refusal, in the words of the first line's "but was …"; empty when it is one. */
    Optional<String> mismatch(int status, String statusLine, Optional<DataverseError> error) {
        if (status != 403) {
            return Optional.of(statusLine + error.map(e -> ", error " + e.code()).orElse(""));
        }
        if (error.isEmpty()) {
            return Optional.of("403 without a Dataverse error body");
        }
        DataverseError e = error.get();
        String said = "403 Forbidden, error " + e.code() + ": " + summary(e);
        if (!e.code().equalsIgnoreCase(code)) {
            return Optional.of(said);
        }
        if (needle != null && !e.message().toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
            return Optional.of(said);
        }
        if (principalId != null && !e.message().toLowerCase(Locale.ROOT).contains("id=" + principalId)) {
            return Optional.of(said);
        }
        return Optional.empty();
    }

    /** The refusal as a phrase: who lacks which privilege, or which row was out of reach. */
    private static String summary(DataverseError error) {
        Matcher missing = MISSING.matcher(error.message());
        if (error.code().equalsIgnoreCase(PRIVILEGE) && missing.find()) {
            Matcher principal = PRINCIPAL.matcher(error.message());
            return (principal.find() ? "user " + principal.group(1) : "the caller") + " lacks " + missing.group(1);
        }
        Matcher record = Pattern.compile("for record with id ([0-9a-fA-F-]{36})").matcher(error.message());
        if (error.code().equalsIgnoreCase(ACCESS) && record.find()) {
            return "no access to " + record.group(1);
        }
        String message = error.message();
        return message.length() > 80 ? message.substring(0, 77) + "..." : message;
    }

    /** Cause and remedy for the difference, or null for the usual hint. */
    String hint(String doing, Optional<DataverseError> error) {
        boolean limited = doing.startsWith("as ") || doing.startsWith("signed in as ");
        if (error.isEmpty() || error.get().code().isEmpty() || !error.get().code().startsWith("0x8004")) {
            return limited ? "the user may do this: a role of theirs (or of one of their teams) grants it at a depth "
                    + "that reaches the row, or a share opens the row; read their privileges with RetrieveUserPrivileges"
                    : "the request was sent as the session's own caller, who may hold every privilege (a System "
                    + "Administrator): send it as the limited user, dv.as(user)";
        }
        String other = error.get().code();
        if (kind.equals("privilege") && other.equalsIgnoreCase(ACCESS)) {
            return "the user holds the privilege, but its depth does not reach the row and no share opens it: the "
                    + "privilege check passed, the access check refused";
        }
        if (kind.equals("access") && other.equalsIgnoreCase(PRIVILEGE)) {
            return "Dataverse checks the privilege before the row: the user lacks a privilege at every depth, so the "
                    + "access to the row was never checked; grant the privilege to reach the row check";
        }
        if (kind.equals("privilege") && other.equalsIgnoreCase(PRIVILEGE)) {
            return "Dataverse names the first privilege the request lacks: grant that one to reach " + needle;
        }
        return null;
    }
}

package dev.dataversebdd.dsl;

import dev.dataversebdd.dsl.internal.Ledger;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On a live org, a write may name only rows this session created, rows the user listed in
 * {@code dataverse.existing-rows} (which it may use but never delete) and GUIDs made to name nothing
 * ({@code {missing}}): a run never touches rows it did not create.
 */
final class ForeignRowGuard {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Ledger ledger;
    private final Set<UUID> borrowed;
    private final String target;

    ForeignRowGuard(Ledger ledger, Set<UUID> borrowed, String target) {
        this.ledger = ledger;
        this.borrowed = borrowed;
        this.target = target;
    }

    /** Throws before anything is sent when a write names a row the run may not touch. */
    void check(String method, String path, String body) {
        if (method.equals("GET")) {
            return;
        }
        Matcher m = GUID.matcher(path + " " + (body == null ? "" : body));
        while (m.find()) {
            UUID id = UUID.fromString(m.group());
            boolean deletesBorrowedRow = method.equals("DELETE") && isRowPath(path, id);
            if (!ledger.owns(id) && (!borrowed.contains(id) || deletesBorrowedRow)) {
                throw new IllegalStateException("refusing to send " + method + " " + path + " to " + target + ": row "
                        + id + (borrowed.contains(id)
                        ? " is listed in dataverse.existing-rows, which a run may use but never delete"
                        : " was not created by this scenario and is not listed in dataverse.existing-rows"));
            }
        }
    }

    private static boolean isRowPath(String path, UUID id) {
        return path.replaceFirst("^/api/data/v\\d\\.\\d/", "").matches("^/?[A-Za-z0-9_]+\\(" + id + "\\)$");
    }
}

package dev.dataversebdd.emulator.core;

import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Who the emulator's requests come from: {@code GET WhoAmI} answers these ids, and a {@code systemuser} row with the
 * caller's id exists from start-up (and after every reset), so scenarios can bind the caller as an email's sender or
 * as an owner, as Microsoft's quick starts do (D22).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Caller(UUID userId, UUID businessUnitId, UUID organizationId, String fullName) {

    /** Fixed ids, so that tests and scenarios can name the caller without asking first. */
    public static Caller standard() {
        return new Caller(UUID.fromString("00000000-0000-4000-8000-0000000c0de1"),
                UUID.fromString("00000000-0000-4000-8000-0000000b0001"),
                UUID.fromString("00000000-0000-4000-8000-0000000a0001"), "Emulator Caller");
    }
}

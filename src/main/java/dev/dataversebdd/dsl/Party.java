package dev.dataversebdd.dsl;

import java.util.UUID;
import org.apiguardian.api.API;

/**
 * One expected activity party.
 *
 * <pre>{@code
 * dv.expect(mail).parties().are(Party.of(Participation.TO, ann), Party.of(Participation.CC, bob));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Party(Participation participation, RowRef row) {

    record Entry(int mask, UUID partyId) {
    }

    public static Party of(Participation participation, RowRef row) {
        return new Party(participation, row);
    }

    Entry entry() {
        return new Entry(participation.mask(), row.id());
    }
}

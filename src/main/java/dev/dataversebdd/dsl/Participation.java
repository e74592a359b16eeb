package dev.dataversebdd.dsl;

import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The participation types of an activity party ({@code participationtypemask}); an email uses the first four.
 *
 * <pre>{@code
 * dv.replaceParties(mail).with(Participation.TO, ann).with(Participation.CC, bob).send();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Participation {
    SENDER(1, "sender"), TO(2, "to"), CC(3, "cc"), BCC(4, "bcc"), REQUIRED_ATTENDEE(5, "required attendee"),
    OPTIONAL_ATTENDEE(6, "optional attendee"), ORGANIZER(7, "organizer"), REGARDING(8, "regarding"),
    OWNER(9, "owner"), RESOURCE(10, "resource"), CUSTOMER(11, "customer"), CHAT_PARTICIPANT(12, "chat participant"),
    RELATED(13, "related");

    private final int mask;
    private final String label;

    Participation(int mask, String label) {
        this.mask = mask;
        this.label = label;
    }

    public int mask() {
        return mask;
    }

    public String label() {
        return label;
    }

    public static Participation ofMask(int mask) {
        return Arrays.stream(values()).filter(p -> p.mask == mask).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no participation type " + mask));
    }

    /** By label as scenarios write it ({@code to}, {@code cc}, {@code sender}, …). */
    public static Participation ofLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Arrays.stream(values()).filter(p -> p.label.equals(wanted) || p.name().equalsIgnoreCase(label.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown participation type '" + label
                        + "'; known: " + Arrays.stream(values()).map(Participation::label).toList()));
    }
}

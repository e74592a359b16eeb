package dev.dataversebdd.emulator.core.security;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The rights a privilege grants and a share carries, with the values of the Web API's {@code AccessRights} flags
 * (S9): a privilege is named {@code prv<Verb><Table>}, a missing right is reported as {@code <Verb>Access}.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public enum Right {
    READ("Read", 1),
    WRITE("Write", 2),
    APPEND("Append", 4),
    APPEND_TO("AppendTo", 16),
    CREATE("Create", 32),
    DELETE("Delete", 65_536),
    SHARE("Share", 262_144),
    ASSIGN("Assign", 524_288);

    private final String verb;
    private final int mask;

    Right(String verb, int mask) {
        this.verb = verb;
        this.mask = mask;
    }

    public String verb() {
        return verb;
    }

    public int mask() {
        return mask;
    }

    /** {@code ReadAccess}, {@code AppendToAccess}, …: the name in error messages and in {@code AccessRights}. */
    public String accessName() {
        return verb + "Access";
    }

    /** {@code "ReadAccess, WriteAccess"}, in flag order, or {@code "None"} (S9). */
    public static String names(int mask) {
        List<String> names = new ArrayList<>();
        for (Right right : values()) {
            if ((mask & right.mask) != 0) {
                names.add(right.accessName());
            }
        }
        return names.isEmpty() ? "None" : String.join(", ", names);
    }

    /** The mask of {@code "ReadAccess, WriteAccess"}; an unknown name is refused. */
    public static int parseNames(String text) {
        int mask = 0;
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty() || name.equals("None")) {
                continue;
            }
            Right match = null;
            for (Right right : values()) {
                if (right.accessName().equals(name)) {
                    match = right;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("'" + name + "' is not an AccessRights value");
            }
            mask |= match.mask;
        }
        return mask;
    }
}

package dev.dataversebdd.emulator.core.security;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How far a privilege reaches (S2): a user's own rows and their teams' (Basic), their business unit (Local), that
 * unit and the units beneath it (Deep), every row (Global). {@link #value()} is the Web API's {@code PrivilegeDepth};
 * {@link #mask()} is the {@code roleprivileges.privilegedepthmask} bit.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public enum Depth {
    BASIC(0, 1), LOCAL(1, 2), DEEP(2, 4), GLOBAL(3, 8);

    private final int value;
    private final int mask;

    Depth(int value, int mask) {
        this.value = value;
        this.mask = mask;
    }

    public int value() {
        return value;
    }

    public int mask() {
        return mask;
    }

    /** {@code Basic}, {@code Local}, {@code Deep}, {@code Global}: the names the Web API writes. */
    public String displayName() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The deepest depth of a {@code privilegedepthmask}, or null when it holds none. */
    public static Depth ofMask(int mask) {
        for (int i = values().length - 1; i >= 0; i--) {
            if ((mask & values()[i].mask) != 0) {
                return values()[i];
            }
        }
        return null;
    }

    /**
     * A depth as the Web API accepts it: its name ({@code "Global"}) or its number as a string ({@code "3"}), both
     * found in Microsoft's examples (S10); also the admin centre's words (User, Business Unit, Parent: Child Business
     * Units, Organization). Null when it is none of them.
     */
    public static Depth parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace(":", "");
        return switch (t) {
            case "0", "basic", "user" -> BASIC;
            case "1", "local", "businessunit" -> LOCAL;
            case "2", "deep", "parentchildbusinessunits", "parentchildbusinessunit" -> DEEP;
            case "3", "global", "organization" -> GLOBAL;
            default -> null;
        };
    }
}

package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.EditDistance;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A right a user has on one row, as Dataverse's {@code AccessRights} names it ({@code ReadAccess}, …): what
 * {@code GrantAccess} shares and {@code RetrievePrincipalAccess} answers.
 *
 * <pre>{@code
 * dv.security().grantAccess(contoso).to(dana).rights(AccessRight.READ, AccessRight.APPEND_TO).isNoContent();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum AccessRight {
    READ("Read"), WRITE("Write"), APPEND("Append"), APPEND_TO("AppendTo"), CREATE("Create"), DELETE("Delete"),
    SHARE("Share"), ASSIGN("Assign");

    private final String word;

    AccessRight(String word) {
        this.word = word;
    }

    /** The word scenarios use: {@code AppendTo}. */
    public String word() {
        return word;
    }

    /** The Web API's name: {@code AppendToAccess}. */
    public String webApiName() {
        return word + "Access";
    }

    /** The right called {@code name}: {@code AppendTo} or {@code AppendToAccess}, any case; fails with the closest. */
    public static AccessRight named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replaceFirst("access$", "").replace(" ", "").replace("_", "");
        return Arrays.stream(values()).filter(r -> r.word.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no access right '" + name + "'"
                        + EditDistance.didYouMean(name.trim(), Arrays.stream(values()).map(AccessRight::word).toList())
                        + " Rights: Read, Write, Append, AppendTo, Create, Delete, Share, Assign"));
    }

    /** The rights of an {@code AccessRights} or {@code AccessMask} value: {@code "ReadAccess, WriteAccess"}, {@code "None"}. */
    static Set<AccessRight> parse(String mask) {
        Set<AccessRight> rights = EnumSet.noneOf(AccessRight.class);
        for (String part : mask.split(",")) {
            if (!part.isBlank() && !part.trim().equalsIgnoreCase("None")) {
                rights.add(named(part));
            }
        }
        return rights;
    }

    /** {@code "ReadAccess, AppendToAccess"}: the Web API's {@code AccessMask}. */
    static String mask(Set<AccessRight> rights) {
        return rights.isEmpty() ? "None" : String.join(", ", rights.stream().map(AccessRight::webApiName).toList());
    }
}

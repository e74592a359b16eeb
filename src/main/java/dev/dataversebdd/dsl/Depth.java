package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.EditDistance;
import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How far a role's privilege reaches, as Dataverse names it: the user's own rows, their business unit's, their unit's
 * and the units beneath it, or every row.
 *
 * <pre>{@code
 * Privilege.of("prvAppendToAccount", Depth.LOCAL);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum Depth {
    BASIC("Basic"), LOCAL("Local"), DEEP("Deep"), GLOBAL("Global");

    private final String webApiName;

    Depth(String webApiName) {
        this.webApiName = webApiName;
    }

    /** The name the Web API's {@code RolePrivilege.Depth} takes: {@code Basic}, {@code Local}, {@code Deep}, {@code Global}. */
    public String webApiName() {
        return webApiName;
    }

    /** The depth called {@code name} (any case); fails with the closest name. */
    public static Depth named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.webApiName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no depth '" + name + "'"
                        + EditDistance.didYouMean(name, Arrays.stream(values()).map(Depth::webApiName).toList()) + " Depths: Basic, Local, Deep, Global"));
    }
}

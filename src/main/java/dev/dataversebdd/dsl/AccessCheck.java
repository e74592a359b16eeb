package dev.dataversebdd.dsl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The rights a user has on one row, as {@code RetrievePrincipalAccess} answers them (both checks: privilege and
 * access to the row).
 *
 * <pre>{@code
 * dv.expect(dana).hasAccessTo(contoso).including(AccessRight.APPEND_TO);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class AccessCheck {

    private final ReadBack readBack;
    private final String what;
    private final Set<AccessRight> rights;

    AccessCheck(ReadBack readBack, String what, Set<AccessRight> rights) {
        this.readBack = readBack;
        this.what = what;
        this.rights = rights;
    }

    /** The user has at least these rights. */
    public AccessCheck including(AccessRight... expected) {
        if (!rights.containsAll(List.of(expected))) {
            throw readBack.fail("AccessRights including " + AccessRight.mask(EnumSet.copyOf(List.of(expected))),
                    AccessRight.mask(rights), what);
        }
        return this;
    }

    /** The user has none of these rights. */
    public AccessCheck excluding(AccessRight... unexpected) {
        Set<AccessRight> both = rights.isEmpty() ? EnumSet.noneOf(AccessRight.class) : EnumSet.copyOf(rights);
        both.retainAll(List.of(unexpected));
        if (!both.isEmpty()) {
            throw readBack.fail("AccessRights without " + AccessRight.mask(EnumSet.copyOf(List.of(unexpected))),
                    AccessRight.mask(rights), what);
        }
        return this;
    }

    /** The rights as read. */
    public Set<AccessRight> rights() {
        return rights.isEmpty() ? Set.of() : EnumSet.copyOf(rights);
    }
}

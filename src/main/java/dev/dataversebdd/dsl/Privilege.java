package dev.dataversebdd.dsl;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A privilege a role grants, at a depth: {@code Privilege.of("prvAppendToAccount", Depth.LOCAL)}. The name is checked
 * against the target's {@code privileges} before anything is sent, with a "did you mean".
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Privilege(String name, Depth depth) {

    public Privilege {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(depth, "depth");
    }

    public static Privilege of(String name, Depth depth) {
        return new Privilege(name, depth);
    }

    /** {@code prvAppendToAccount at Local depth}. */
    public String describe() {
        return name + " at " + depth.webApiName() + " depth";
    }
}

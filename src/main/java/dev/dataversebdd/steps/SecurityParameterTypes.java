package dev.dataversebdd.steps;

import dev.dataversebdd.dsl.AccessRight;
import dev.dataversebdd.dsl.Depth;
import dev.dataversebdd.dsl.Privilege;
import dev.dataversebdd.dsl.RowRef;
import io.cucumber.java.DataTableType;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The security model's words: a user by first name ({@code Dana}), a depth ({@code Local}), access rights
 * ({@code Read, AppendTo}), a privilege ({@code prvAppendToAccount}). A misspelt user, depth or right fails here with
 * a "did you mean"; a misspelt privilege when the step checks it against the target's privileges, before sending.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class SecurityParameterTypes {

    private final World world;

    public SecurityParameterTypes(World world) {
        this.world = world;
    }

    /** {@code Dana}: the systemuser the scenario calls so (its alias). */
    @ParameterType("[A-Z][A-Za-z0-9]*")
    public RowRef user(String alias) {
        return world.session().row("systemuser", alias);
    }

    /** {@code Basic}, {@code Local}, {@code Deep} or {@code Global}. */
    @ParameterType("[A-Za-z]+")
    public Depth depth(String name) {
        return Depth.named(name);
    }

    /** {@code Read}, {@code Read and Write}, {@code Read, Write and AppendTo}. */
    @ParameterType("[A-Za-z]+(?:(?:, | and )[A-Za-z]+)*")
    public AccessRight[] rights(String words) {
        return Arrays.stream(words.split(", | and ")).map(AccessRight::named).toArray(AccessRight[]::new);
    }

    /** A privilege's name as Dataverse spells it: {@code prvAppendToAccount}. */
    @ParameterType("prv[A-Za-z0-9_]+")
    public String privilege(String name) {
        return name;
    }

    /** {@code | privilege | depth |}: one privilege a role grants. */
    @DataTableType
    public Privilege privilegeAtDepth(Map<String, String> row) {
        return Privilege.of(row.get("privilege"), Depth.named(row.get("depth")));
    }
}

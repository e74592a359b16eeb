package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.uri.QueryOptions;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What every operation needs to know about the request it serves: the service root to echo in generated URLs
 * (same host and API version as the request), the behaviour profile in force, the query options and the
 * {@code Prefer} preferences.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RequestContext(EmulatorRequest request, String serviceRoot, BehaviourProfile profile,
                             QueryOptions query, Guard guard) {

    public RequestContext(EmulatorRequest request, String serviceRoot, BehaviourProfile profile, QueryOptions query) {
        this(request, serviceRoot, profile, query, Guard.unchecked());
    }

    /** The same request, checked by {@code checks} (the router resolves who it comes from under the store's lock). */
    public RequestContext with(Guard checks) {
        return new RequestContext(request, serviceRoot, profile, query, checks);
    }

    public boolean is(Behaviour behaviour, String mode) {
        return profile.is(behaviour, mode);
    }

    public String url(String entitySet, EntityRef ref) {
        return serviceRoot + "/" + entitySet + "(" + ref.id() + ")";
    }

    public boolean prefersRepresentation() {
        String prefer = request.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation");
    }

    /** True when the request carries a {@code Prefer: odata.include-annotations=…} preference. */
    public boolean asksForAnnotations() {
        String prefer = request.header("Prefer");
        return prefer != null && prefer.contains("odata.include-annotations=");
    }

    /**
     * True when {@code odata.include-annotations} asks for the annotation {@code term} (without its {@code @}): by
     * name, by {@code *}, or by its namespace's {@code Namespace.*}, unless a {@code -…} entry excludes it (OData
     * Protocol §8.2.8.4).
     */
    public boolean includesAnnotation(String term) {
        if (!asksForAnnotations()) {
            return false;
        }
        String value = includeAnnotationsValue().substring("odata.include-annotations=".length()).replace("\"", "");
        boolean included = false;
        for (String entry : value.split(",")) {
            String pattern = entry.trim();
            boolean exclude = pattern.startsWith("-");
            String name = exclude ? pattern.substring(1) : pattern;
            boolean matches = name.equals("*") || name.equals(term)
                    || name.endsWith(".*") && term.startsWith(name.substring(0, name.length() - 1));
            if (matches && exclude) {
                return false;
            }
            included |= matches;
        }
        return included;
    }

    /** The {@code odata.include-annotations=…} preference exactly as asked, to echo in {@code Preference-Applied}. */
    public String includeAnnotationsValue() {
        String prefer = request.header("Prefer");
        String rest = prefer.substring(prefer.indexOf("odata.include-annotations="));
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return rest.substring(0, i).trim();
            }
        }
        return rest.trim();
    }
}

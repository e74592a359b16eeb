package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.EmulatorRequest;
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
                             QueryOptions query) {

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

    /** True when {@code Prefer: odata.include-annotations} asks for the lookup annotations. */
    public boolean wantsLookupAnnotations() {
        String prefer = request.header("Prefer");
        if (prefer == null) {
            return false;
        }
        int at = prefer.indexOf("odata.include-annotations=");
        if (at < 0) {
            return false;
        }
        String value = prefer.substring(at + "odata.include-annotations=".length());
        return value.startsWith("\"*\"") || value.startsWith("*") || value.contains("Microsoft.Dynamics.CRM");
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

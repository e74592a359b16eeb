package dev.dataversebdd.targets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.emulator.core.DataverseService;
import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The org's own rows for live-safety tests: seeded straight through the emulator's core (as if someone else had made
 * them), and checked afterwards field by field and link by link.
 */
final class StandInOrg {

    private final LocalOrgExtension local;
    private final Map<String, UUID> seeded = new LinkedHashMap<>();
    private SortedMap<String, String> before;

    StandInOrg(LocalOrgExtension local) {
        this.local = local;
        // the rows an org has before anyone seeds (the emulator's caller) are the org's own too
        local.org().service().describeState().keySet().stream().filter(key -> !key.startsWith("pair "))
                .forEach(key -> seeded.put("present at start-up: " + key,
                        UUID.fromString(key.substring(key.lastIndexOf(' ') + 1))));
    }

    /** Seeds a row the run did not create; {@code json} may bind lookups ({@code "x@odata.bind":"/accounts(…)"}). */
    UUID seed(String name, String entitySet, String json) {
        EmulatorResponse response = admin("POST", "/api/data/v9.2/" + entitySet, json);
        assertThat(response.bodyText(), response.status(), equalTo(204));
        String entityId = response.header("OData-EntityId");
        UUID id = UUID.fromString(entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1));
        seeded.put(name, id);
        return id;
    }

    UUID id(String name) {
        return seeded.get(name);
    }

    /** Pairs two seeded rows through an N:N navigation property. */
    void pair(String fromSetAndId, String navigation, String toSetAndId) {
        EmulatorResponse response = admin("POST", "/api/data/v9.2/" + fromSetAndId + "/" + navigation + "/$ref",
                "{\"@odata.id\":\"" + local.org().baseUri() + "/api/data/v9.2/" + toSetAndId + "\"}");
        assertThat(response.bodyText(), response.status(), equalTo(204));
    }

    /** Remembers the state of every seeded row and pair, to compare after the run. */
    void remember() {
        before = seededState();
    }

    /** Every seeded row is still there with the same columns and lookups, and every pair between them too. */
    void assertUntouched() {
        assertThat("the org's own rows after the run", seededState(), equalTo(before));
    }

    /** Nothing but the seeded rows and their pairs is left: the run left nothing behind. */
    void assertNothingLeftBehind() {
        assertThat("rows and pairs left in the org", local.org().service().describeState().keySet(),
                equalTo(seededStateIncludingPairsWithAnyone().keySet()));
    }

    private SortedMap<String, String> seededState() {
        SortedMap<String, String> state = new TreeMap<>();
        local.org().service().describeState().forEach((key, value) -> {
            if (seeded.values().stream().anyMatch(id -> key.contains(id.toString()))) {
                state.put(key, value);
            }
        });
        return state;
    }

    private SortedMap<String, String> seededStateIncludingPairsWithAnyone() {
        SortedMap<String, String> state = new TreeMap<>();
        local.org().service().describeState().forEach((key, value) -> {
            boolean row = !key.startsWith("pair ") && seeded.values().stream().anyMatch(id -> key.endsWith(id.toString()));
            boolean pair = key.startsWith("pair ") && seeded.values().stream().filter(id -> key.contains(id.toString()))
                    .count() == 2;
            if (row || pair) {
                state.put(key, value);
            }
        });
        return state;
    }

    /** A request straight to the core, without a token, as the org's other users' work would be. */
    EmulatorResponse admin(String method, String path, String body) {
        DataverseService service = local.org().service();
        service.requireBearerToken(null);
        try {
            return service.handle(EmulatorRequest.of(method, path, body, Map.of("Host", "127.0.0.1")));
        } finally {
            service.requireBearerToken(local.endpoint()::isValid);
        }
    }
}

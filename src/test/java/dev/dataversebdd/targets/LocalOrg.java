package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.emulator.http.DataverseEmulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for a live org, all on loopback: the emulator requiring bearer tokens, and the OAuth endpoint that
 * issues them. {@link #settings()} are the live-mode settings that reach it.
 */
final class LocalOrg implements AutoCloseable {

    static final String SECRET = "local-client-secret-value";

    final LocalTokenEndpoint endpoint;
    final DataverseEmulator org;
    private final Path ledgers;

    LocalOrg(Path folder, long tokenLifetimeSeconds) throws Exception {
        this(folder, tokenLifetimeSeconds, DataverseEmulator.builder());
    }

    /** As above, the org being the emulator {@code emulator} starts (an org's captured metadata, say). */
    LocalOrg(Path folder, long tokenLifetimeSeconds, DataverseEmulator.Builder emulator) throws Exception {
        this.ledgers = folder.resolve("ledgers");
        this.endpoint = new LocalTokenEndpoint(folder, SECRET, tokenLifetimeSeconds);
        this.org = emulator.start();
        org.service().requireBearerToken(endpoint::isValid);
    }

    /** Live-mode settings with the client secret, as a mutable map a test may change. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("dataverse.target", "live");
        settings.put("dataverse.url", org.baseUri());
        settings.put("dataverse.allowed-hosts", "127.0.0.1");
        settings.put("dataverse.tenant-id", LocalTokenEndpoint.TENANT);
        settings.put("dataverse.client-id", LocalTokenEndpoint.CLIENT_ID);
        settings.put("dataverse.client-secret", SECRET);
        settings.put("dataverse.authority", endpoint.authority());
        settings.put("dataverse.authority-trust-store", endpoint.trustStore().toString());
        settings.put("dataverse.authority-trust-store-password", LocalTokenEndpoint.STORE_PASSWORD);
        settings.put("dataverse.ledger-dir", ledgers.toString());
        return settings;
    }

    static Target target(Map<String, String> settings) {
        return Targets.fromConfiguration(new Settings(settings::get, Map.of()));
    }

    @Override
    public void close() {
        org.close();
        endpoint.close();
    }
}

package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.ExistingRow;
import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.dsl.RunTags;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apiguardian.api.API;

/**
 * Reads and checks the settings of a live run before any request is sent. Names (system property, or the
 * environment variable in upper snake case):
 *
 * <table>
 *   <caption>Live-org settings</caption>
 *   <tr><td>dataverse.url</td><td>the org, e.g. {@code https://contoso.crm.dynamics.com} (required)</td></tr>
 *   <tr><td>dataverse.allowed-hosts</td><td>comma list of org hosts meant for tests; the url's host must be one (required)</td></tr>
 *   <tr><td>dataverse.auth</td><td>{@code bearer} (default: the token below, or client credentials) or {@code none}
 *       (a target that needs no authentication; refused with credentials set, and for a Dataverse org's host)</td></tr>
 *   <tr><td>dataverse.token</td><td>a pre-acquired bearer token; or else:</td></tr>
 *   <tr><td>dataverse.tenant-id, dataverse.client-id</td><td>the app registration</td></tr>
 *   <tr><td>dataverse.client-secret</td><td>its secret; or dataverse.client-certificate (PKCS#12) and
 *       dataverse.client-certificate-password</td></tr>
 *   <tr><td>dataverse.authority</td><td>default {@code https://login.microsoftonline.com/<tenant-id>}</td></tr>
 *   <tr><td>dataverse.authority-trust-store</td><td>PKCS#12 trust store for a private authority (tests), with
 *       dataverse.authority-trust-store-password</td></tr>
 *   <tr><td>dataverse.retries</td><td>retries on 429/502/503, default 5 (0 on the emulator)</td></tr>
 *   <tr><td>dataverse.run-tag</td><td>prefix of every created row's name, default {@code dvbdd-<UTC time>-<random>}</td></tr>
 *   <tr><td>dataverse.existing-rows</td><td>{@code table:Alias=guid;…}, org rows scenarios may use (never delete)</td></tr>
 *   <tr><td>dataverse.parallelism</td><td>scenarios and requests in flight at most, default 4 (PacingSettings)</td></tr>
 *   <tr><td>dataverse.max-wait</td><td>the longest a request waits for service protection before the run fails,
 *       default 15m</td></tr>
 *   <tr><td>dataverse.ledger-dir</td><td>folder of the write-ahead run ledgers, default {@code target/dataverse-bdd/runs}</td></tr>
 * </table>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LiveOrgConfiguration {

    public static final String URL = "dataverse.url";
    public static final String ALLOWED_HOSTS = "dataverse.allowed-hosts";
    public static final String AUTH = "dataverse.auth";
    public static final String TOKEN = "dataverse.token";
    public static final String TENANT_ID = "dataverse.tenant-id";
    public static final String CLIENT_ID = "dataverse.client-id";
    public static final String CLIENT_SECRET = "dataverse.client-secret";
    public static final String CLIENT_CERTIFICATE = "dataverse.client-certificate";
    public static final String CLIENT_CERTIFICATE_PASSWORD = "dataverse.client-certificate-password";
    public static final String AUTHORITY = "dataverse.authority";
    public static final String AUTHORITY_TRUST_STORE = "dataverse.authority-trust-store";
    public static final String AUTHORITY_TRUST_STORE_PASSWORD = "dataverse.authority-trust-store-password";
    public static final String RETRIES = "dataverse.retries";
    public static final String RUN_TAG = "dataverse.run-tag";
    public static final String EXISTING_ROWS = "dataverse.existing-rows";
    public static final String LEDGER_DIR = "dataverse.ledger-dir";
    /** Where run ledgers go unless {@link #LEDGER_DIR} says otherwise: Maven's build folder of the project. */
    public static final String DEFAULT_LEDGER_DIR = "target/dataverse-bdd/runs";

    private LiveOrgConfiguration() {
    }

    static LiveOrgTarget read(Settings settings, String version) {
        URI org = orgUrl(settings);
        requireAllowed(settings, org);
        TokenSource tokens = tokenSource(settings, org);
        String tag = settings.get(RUN_TAG).orElseGet(LiveOrgConfiguration::newRunTag);
        if (!tag.startsWith(RunTags.PREFIX)) {
            throw new ConfigurationException("Setting " + Settings.describe(RUN_TAG) + " must start with '"
                    + RunTags.PREFIX + "' so that a sweep can find the rows; it is '" + tag + "'.");
        }
        return new LiveOrgTarget(org, version, tokens, RetryPolicy.standard(retries(settings, 5)), tag + " ",
                existingRows(settings), ledgerFolder(settings), PacingSettings.read(settings, ledgerFolder(settings)));
    }

    /** {@code dvbdd-20261122T031500Z-4f2a}: the run's time, so a sweep can tell old leftovers from a running run. */
    static String newRunTag() {
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return RunTags.PREFIX + RunTags.TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + HexFormat.of().formatHex(random);
    }

    static int retries(Settings settings, int defaultRetries) {
        String text = settings.get(RETRIES).orElse(String.valueOf(defaultRetries));
        try {
            int retries = Integer.parseInt(text);
            if (retries < 0 || retries > 20) {
                throw new NumberFormatException();
            }
            return retries;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting " + Settings.describe(RETRIES) + " takes a number from 0 to 20, not '"
                    + text + "'.");
        }
    }

    static URI orgUrl(Settings settings) {
        String text = settings.require(URL, "the org to run against, e.g. https://contoso.crm.dynamics.com");
        URI url;
        try {
            url = URI.create(text.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting " + Settings.describe(URL) + " is not a URL: '" + text + "'.");
        }
        if (url.getHost() == null || url.getScheme() == null) {
            throw new ConfigurationException("Setting " + Settings.describe(URL) + " must be an absolute URL such as "
                    + "https://contoso.crm.dynamics.com, not '" + text + "'.");
        }
        boolean loopback = url.getHost().equals("127.0.0.1") || url.getHost().equals("localhost");
        if (!url.getScheme().equals("https") && !loopback) {
            throw new ConfigurationException("Setting " + Settings.describe(URL) + " must use https (only a loopback "
                    + "stand-in may use http): '" + text + "'.");
        }
        if (url.getPath() != null && url.getPath().contains("/api/data")) {
            throw new ConfigurationException("Setting " + Settings.describe(URL) + " is the org URL without /api/data/..."
                    + " (the API version is " + Settings.describe(Targets.API_VERSION) + "): '" + text + "'.");
        }
        return url;
    }

    /** Protects against pointing CI at production by accident: the host must be named as meant for tests. */
    static void requireAllowed(Settings settings, URI org) {
        String allowed = settings.require(ALLOWED_HOSTS, "the org hosts this run may touch, e.g. "
                + "contoso-test.crm.dynamics.com (a guard against running tests against production)");
        List<String> hosts = Arrays.stream(allowed.split(",")).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        if (!hosts.contains(org.getHost().toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("Refusing to run against " + org.getHost() + ": it is not in "
                    + Settings.describe(ALLOWED_HOSTS) + " " + hosts + ". Add it there only if this org is meant for tests.");
        }
    }

    private static TokenSource tokenSource(Settings settings, URI org) {
        if (Authentication.none(settings, org.getHost())) {
            return new NoAuthentication();
        }
        if (settings.get(TOKEN).isPresent()) {
            return new PreAcquiredToken(settings.get(TOKEN).get());
        }
        String how = "no credentials: set " + Settings.describe(TOKEN) + " (e.g. from az account get-access-token), "
                + "or " + Settings.describe(TENANT_ID) + ", " + Settings.describe(CLIENT_ID) + " and "
                + Settings.describe(CLIENT_SECRET) + " (or " + Settings.describe(CLIENT_CERTIFICATE) + "); "
                + Authentication.OPT_IN;
        String tenant = settings.require(TENANT_ID, how);
        String clientId = settings.require(CLIENT_ID, how);
        String authority = settings.get(AUTHORITY).orElse("https://login.microsoftonline.com/" + tenant + "/");
        String scope = org.toString().replaceAll("/+$", "") + "/.default";
        SSLSocketFactory trust = trustStore(settings);
        if (settings.get(CLIENT_SECRET).isPresent()) {
            return EntraClientCredentials.withSecret(authority, clientId, settings.get(CLIENT_SECRET).get(), scope, trust);
        }
        if (settings.get(CLIENT_CERTIFICATE).isEmpty()) {
            throw new ConfigurationException("Settings " + TENANT_ID + " and " + CLIENT_ID + " are set, but the app "
                    + "registration's credential is missing: set " + Settings.describe(CLIENT_SECRET) + ", or "
                    + Settings.describe(CLIENT_CERTIFICATE) + " (a PKCS#12 file, with " + CLIENT_CERTIFICATE_PASSWORD
                    + " if it has one). Or give a token instead with " + Settings.describe(TOKEN) + ".");
        }
        Path certificate = Path.of(settings.get(CLIENT_CERTIFICATE).get());
        try (InputStream in = Files.newInputStream(certificate)) {
            return EntraClientCredentials.withCertificate(authority, clientId, in,
                    settings.get(CLIENT_CERTIFICATE_PASSWORD).orElse(""), scope, trust);
        } catch (IOException e) {
            throw new ConfigurationException("Setting " + Settings.describe(CLIENT_CERTIFICATE) + " names '" + certificate
                    + "', which cannot be read.");
        }
    }

    private static SSLSocketFactory trustStore(Settings settings) {
        if (settings.get(AUTHORITY_TRUST_STORE).isEmpty()) {
            return null;
        }
        Path file = Path.of(settings.get(AUTHORITY_TRUST_STORE).get());
        char[] password = settings.get(AUTHORITY_TRUST_STORE_PASSWORD).orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Setting " + Settings.describe(AUTHORITY_TRUST_STORE) + " ('" + file
                    + "') is not a readable PKCS#12 trust store: " + e.getClass().getSimpleName() + ".");
        }
    }

    /** The folder of run ledgers: {@link #LEDGER_DIR}, by default {@value #DEFAULT_LEDGER_DIR}. */
    public static Path ledgerFolder(Settings settings) {
        return Path.of(settings.get(LEDGER_DIR).orElse(DEFAULT_LEDGER_DIR)).toAbsolutePath();
    }

    static List<ExistingRow> existingRows(Settings settings) {
        List<ExistingRow> rows = new ArrayList<>();
        for (String entry : settings.get(EXISTING_ROWS).orElse("").split(";")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            int eq = trimmed.lastIndexOf('=');
            try {
                rows.add(new ExistingRow(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1, eq).trim(),
                        UUID.fromString(trimmed.substring(eq + 1).trim())));
            } catch (RuntimeException e) {
                throw new ConfigurationException("Setting " + Settings.describe(EXISTING_ROWS) + " has '" + trimmed
                        + "'; write each row as table:Alias=guid, separated by ';'.");
            }
        }
        return rows;
    }
}

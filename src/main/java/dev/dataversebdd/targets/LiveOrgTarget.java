package dev.dataversebdd.targets;

import dev.dataversebdd.dsl.ExistingRow;
import dev.dataversebdd.dsl.Pacing;
import dev.dataversebdd.dsl.RetryPolicy;
import dev.dataversebdd.dsl.Target;
import dev.dataversebdd.wire.RetryDecision;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Dataverse org (or anything reached by URL like one), with OAuth, or with no authentication for a target
 * that needs none ({@code dataverse.auth=none}). Configured by {@link Targets}; see the README's "Run against your
 * org".
 */
final class LiveOrgTarget implements Target {

    private final URI org;
    private final String version;
    private final TokenSource tokens;
    private final RetryPolicy retryPolicy;
    private final String rowNamePrefix;
    private final List<ExistingRow> existingRows;
    private final Path ledgerFolder;
    private final Pacing pacing;
    private volatile byte[] metadata;

    LiveOrgTarget(URI org, String version, TokenSource tokens, RetryPolicy retryPolicy, String rowNamePrefix,
                  List<ExistingRow> existingRows, Path ledgerFolder, Pacing pacing) {
        this.pacing = pacing;
        this.org = org;
        this.version = version;
        this.tokens = tokens;
        this.retryPolicy = retryPolicy;
        this.rowNamePrefix = rowNamePrefix;
        this.existingRows = List.copyOf(existingRows);
        this.ledgerFolder = ledgerFolder;
    }

    @Override
    public String serviceRoot() {
        return org.toString().replaceAll("/+$", "") + "/api/data/" + version;
    }

    @Override
    public String description() {
        return "live org " + org + " (api " + version + ")";
    }

    @Override
    public Map<String, String> requestHeaders() {
        return tokens.headers();
    }

    @Override
    public Map<String, String> reportFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Target", "live org");
        facts.put("Org host", org.getHost());
        facts.put("API version", version);
        facts.put("Run tag", rowNamePrefix.strip());
        if (!tokens.sendsCredentials()) {
            facts.put("Authentication", "none (dataverse.auth=none)");
        }
        return facts;
    }

    @Override
    public boolean isSharedWithOthers() {
        return true;
    }

    @Override
    public boolean switchesBehaviours() {
        return false;
    }

    @Override
    public Optional<String> behaviourMode(String behaviourKey) {
        return Optional.empty();
    }

    @Override
    public byte[] metadataDocument() {
        byte[] document = metadata;
        if (document == null) {
            document = fetchMetadata();
            metadata = document;
        }
        return document;
    }

    private byte[] fetchMetadata() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        RetryDecision retries = new RetryDecision(retryPolicy.maxRetries(), retryPolicy.firstBackoff(),
                retryPolicy.maxWait());
        HttpResponse<byte[]> response = retries.call("GET", "GET " + URI.create(serviceRoot() + "/$metadata").getRawPath(),
                () -> metadataAttempt(client), HttpResponse::statusCode,
                answer -> answer.headers().firstValue("Retry-After").orElse(null));
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if ((status == 401 || status == 403) && !tokens.sendsCredentials()) {
            throw new AuthenticationException(description() + " answered " + status + " to GET $metadata, sent without "
                    + "credentials (dataverse.auth=none): it wants authentication. Give it a token with "
                    + Settings.describe(LiveOrgConfiguration.TOKEN) + " or client credentials, and drop dataverse.auth=none "
                    + "(--no-auth).");
        }
        if (status == 401 || status == 403) {
            throw new AuthenticationException(description() + " answered " + status + " to GET $metadata: the token "
                    + "was refused. Check that the app registration has an application user with a security role "
                    + "in this org.");
        }
        throw new ConfigurationException(description() + " answered " + status + " to GET $metadata. Check "
                + "dataverse.url and dataverse.api-version.");
    }

    /** One GET of {@code $metadata}, with a token asked for afresh (a retry may outlive the last one). */
    private HttpResponse<byte[]> metadataAttempt(HttpClient client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceRoot() + "/$metadata"))
                .header("Accept", "application/xml").timeout(Duration.ofMinutes(2)).GET();
        tokens.headers().forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot reach " + serviceRoot() + "/$metadata: " + e.getMessage()
                    + ". Check dataverse.url.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading $metadata", e);
        }
    }

    @Override
    public List<String> secrets() {
        return tokens.secrets();
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public Optional<Pacing> pacing() {
        return Optional.of(pacing);
    }

    @Override
    public String rowNamePrefix() {
        return rowNamePrefix;
    }

    @Override
    public List<ExistingRow> existingRows() {
        return existingRows;
    }

    @Override
    public Optional<Path> runLedgerFolder() {
        return Optional.of(ledgerFolder);
    }

    @Override
    public void close() {
        // nothing to release: the HTTP clients are per request, MSAL's cache dies with the JVM
    }
}

package dev.dataversebdd.targets;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * The OAuth 2.0 client-credentials flow against Entra ID through MSAL4J, with a client secret or a certificate;
 * scope is {@code {org}/.default}. The token is kept here and renewed shortly before it expires (five minutes, or
 * half its lifetime when that is shorter): MSAL's own cache misses for authorities with a port (a test endpoint).
 */
final class EntraClientCredentials implements TokenSource {

    private static final Duration RENEWAL_MARGIN = Duration.ofMinutes(5);

    private final ConfidentialClientApplication application;
    private final ClientCredentialParameters parameters;
    private final String clientId;
    private final String authority;
    private final List<String> secrets;
    private String token;
    private Instant renewAt = Instant.MIN;

    private EntraClientCredentials(ConfidentialClientApplication application, String scope, String clientId,
                                   String authority, List<String> secrets) {
        this.application = application;
        this.parameters = ClientCredentialParameters.builder(Set.of(scope)).build();
        this.clientId = clientId;
        this.authority = authority;
        this.secrets = List.copyOf(secrets);
    }

    static EntraClientCredentials withSecret(String authority, String clientId, String secret, String scope,
                                             SSLSocketFactory trust) {
        return build(authority, clientId, ClientCredentialFactory.createFromSecret(secret), scope, trust, List.of(secret));
    }

    static EntraClientCredentials withCertificate(String authority, String clientId, InputStream pkcs12, String password,
                                                  String scope, SSLSocketFactory trust) {
        try {
            IClientCredential credential = ClientCredentialFactory.createFromCertificate(pkcs12, password);
            List<String> secrets = new ArrayList<>();
            if (password != null) {
                secrets.add(password);
            }
            return build(authority, clientId, credential, scope, trust, secrets);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("Cannot read the client certificate (a PKCS#12 .pfx file with its private "
                    + "key): " + e.getClass().getSimpleName() + ". Check dataverse.client-certificate and "
                    + "dataverse.client-certificate-password.");
        }
    }

    private static EntraClientCredentials build(String authority, String clientId, IClientCredential credential,
                                                String scope, SSLSocketFactory trust, List<String> secrets) {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(clientId, credential)
                    .authority(authority);
            if (!authority.startsWith("https://login.microsoftonline.com/")) {
                // A sovereign cloud or a test endpoint: no call to Microsoft's instance discovery.
                builder.instanceDiscovery(false).validateAuthority(false);
            }
            if (trust != null) {
                builder.sslSocketFactory(trust);
            }
            return new EntraClientCredentials(builder.build(), scope, clientId, authority, secrets);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ConfigurationException("Setting dataverse.authority is not a usable authority URL ('" + authority
                    + "'): " + e.getMessage() + ". It looks like https://login.microsoftonline.com/<tenant-id>/.");
        }
    }

    @Override
    public synchronized String accessToken() {
        if (token == null || !Instant.now().isBefore(renewAt)) {
            IAuthenticationResult result = acquire();
            Instant now = Instant.now();
            Instant expires = result.expiresOnDate().toInstant();
            Duration margin = Duration.between(now, expires).dividedBy(2);
            renewAt = expires.minus(margin.compareTo(RENEWAL_MARGIN) < 0 ? margin : RENEWAL_MARGIN);
            token = result.accessToken();
        }
        return token;
    }

    private IAuthenticationResult acquire() {
        try {
            return application.acquireToken(parameters).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof MsalServiceException service
                    ? service.errorCode() + " (HTTP " + service.statusCode() + "): " + firstLine(service.getMessage())
                    : cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
            throw new AuthenticationException("Entra ID refused a token for client " + clientId + " at " + authority + ": "
                    + detail + " Check dataverse.tenant-id, dataverse.client-id and the secret or certificate, and that "
                    + "the app registration has an application user in the org.");
        } catch (TimeoutException e) {
            throw new AuthenticationException("No token from " + authority + " within 60 s: is the authority reachable?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("Interrupted while waiting for a token from " + authority);
        }
    }

    @Override
    public List<String> secrets() {
        return secrets;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

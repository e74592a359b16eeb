package dev.dataversebdd.targets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real OAuth 2.0 token endpoint on loopback, shaped like Entra ID's ({@code POST /{tenant}/oauth2/v2.0/token},
 * client-credentials grant with a secret or a certificate assertion, TLS with a self-signed certificate made by
 * keytool). It issues JWT-shaped tokens that expire after {@code lifetimeSeconds} and answers a wrong credential
 * like Entra ID (401 invalid_client, AADSTS7000215).
 */
final class LocalTokenEndpoint implements AutoCloseable {

    static final String TENANT = "00000000-0000-0000-0000-0000000000aa";
    static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    static final String STORE_PASSWORD = "changeit";

    private final HttpsServer server;
    private final String secret;
    private final long lifetimeSeconds;
    private final Path trustStore;
    private final Path keyStore;
    private final java.security.cert.Certificate certificate;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    LocalTokenEndpoint(Path folder, String secret, long lifetimeSeconds) throws Exception {
        this.secret = secret;
        this.lifetimeSeconds = lifetimeSeconds;
        this.keyStore = folder.resolve("endpoint.p12");
        Path certificate = folder.resolve("endpoint.crt");
        this.trustStore = folder.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "endpoint", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "endpoint", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "endpoint", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        this.certificate = keys.getCertificate("endpoint");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code https://127.0.0.1:port/<tenant>/}, what dataverse.authority points at. */
    String authority() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT + "/";
    }

    Path trustStore() {
        return trustStore;
    }

    /** True for a token this endpoint issued that has not expired: what the emulator's bearer check accepts. */
    boolean isValid(String token) {
        Instant expires = issued.get(token);
        return expires != null && Instant.now().isBefore(expires);
    }

    int tokensIssued() {
        return issued.size();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
                respond(exchange, 404, "{\"error\":\"not_found\",\"error_description\":\"no such endpoint: " + path + "\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))) {
                respond(exchange, 400, "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: "
                        + "Application with identifier '" + form.get("client_id") + "' was not found.\"}");
                return;
            }
            boolean assertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"));
            if (assertion ? !validAssertion(form.get("client_assertion")) : !secret.equals(form.get("client_secret"))) {
                respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid "
                        + "client secret provided. Ensure the secret being sent in the request is the client secret value, "
                        + "not the client secret ID.\",\"error_codes\":[7000215]}");
                return;
            }
            String token = jwt(form.get("scope"));
            issued.put(token, Instant.now().plusSeconds(lifetimeSeconds));
            respond(exchange, 200, "{\"token_type\":\"Bearer\",\"scope\":\"" + form.get("scope").replace("openid profile "
                    + "offline_access ", "") + "\",\"expires_in\":" + lifetimeSeconds + ",\"ext_expires_in\":"
                    + lifetimeSeconds + ",\"access_token\":\"" + token + "\"}");
        }
    }

    /** The client's certificate: the endpoint's own key pair, exported as a PKCS#12 the client can load. */
    Path clientCertificate() {
        return keyStore;
    }

    /**
     * A certificate credential: the client_assertion JWT must be signed (RS256 or PS256) by the private key of
     * {@link #clientCertificate()}, name the client as issuer and subject, and not be expired.
     */
    private boolean validAssertion(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            Base64.Decoder base64 = Base64.getUrlDecoder();
            String header = new String(base64.decode(parts[0]), StandardCharsets.UTF_8);
            String claims = new String(base64.decode(parts[1]), StandardCharsets.UTF_8);
            java.security.Signature signature;
            if (header.contains("\"PS256\"")) {
                signature = java.security.Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signature = java.security.Signature.getInstance("SHA256withRSA");
            }
            signature.initVerify(certificate.getPublicKey());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(base64.decode(parts[2])) && claims.contains("\"iss\":\"" + CLIENT_ID + "\"")
                    && claims.contains("\"sub\":\"" + CLIENT_ID + "\"");
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private String jwt(String scope) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"aud\":\"" + scope.replace("/.default", "") + "\",\"tid\":\"" + TENANT
                + "\",\"appid\":\"" + CLIENT_ID + "\",\"n\":" + requests.get() + ",\"iat\":" + Instant.now().getEpochSecond()
                + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.dataversebdd.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Every exchange of a run, one JSON object a line ({@code dataverse.record=path}), redacted by the reports' own
 * redactor (tokens, secrets, cookies), with the org's scheme and host written as {@code {org}}. The first line is the
 * provenance: a SHA-256 of the org's host (not the host), the API version, the date and the product's version. A
 * recording made against an org replays against the emulator ({@code conformance replay}) without the org.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Recording implements Consumer<RecordedExchange>, AutoCloseable {

    public static final String FORMAT = "dataverse-bdd/recording";

    /** Headers a replay needs; the others (dates, request ids, caching) say nothing about Dataverse's semantics. */
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "prefer", "if-match", "if-none-match",
            "odata-entityid", "location", "preference-applied", "etag", "x-emulator-behaviour");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private final Redactor redactor;
    private final String origin;

    private Recording(BufferedWriter out, Redactor redactor, String origin) {
        this.out = out;
        this.redactor = redactor;
        this.origin = origin;
    }

    /** Starts {@code file} (replacing it) with its provenance line. */
    public static Recording open(Path file, Redactor redactor, String serviceRoot, String product) {
        URI root = URI.create(serviceRoot);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Recording recording = new Recording(out, redactor, root.getScheme() + "://" + root.getAuthority());
            ObjectNode provenance = JSON.createObjectNode();
            provenance.put("format", FORMAT);
            provenance.put("version", 1);
            provenance.put("orgHostSha256", sha256(root.getHost()));
            provenance.put("apiVersion", serviceRoot.replaceFirst(".*/api/data/", ""));
            provenance.put("recorded", Instant.now().toString());
            provenance.put("product", product);
            recording.line(provenance);
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file, e);
        }
    }

    @Override
    public void accept(RecordedExchange exchange) {
        RecordedExchange safe = redactor.exchange(exchange);
        ObjectNode line = JSON.createObjectNode();
        line.put("method", safe.method());
        line.put("target", anonymous(safe.target()));
        line.set("requestHeaders", kept(safe.requestHeaders()));
        line.put("requestBody", anonymous(safe.requestBody()));
        line.put("status", safe.status());
        line.set("responseHeaders", kept(safe.responseHeaders()));
        line.put("responseBody", anonymous(safe.responseBody()));
        line(line);
    }

    private ObjectNode kept(Map<String, String> headers) {
        ObjectNode kept = JSON.createObjectNode();
        headers.forEach((name, value) -> {
            if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, anonymous(value));
            }
        });
        return kept;
    }

    private String anonymous(String text) {
        return text == null ? "" : text.replace(origin, "{org}");
    }

    private synchronized void line(ObjectNode node) {
        try {
            out.write(JSON.writeValueAsString(node));
            out.newLine();
            out.flush(); // a killed run keeps what it recorded
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the recording", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the recording", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

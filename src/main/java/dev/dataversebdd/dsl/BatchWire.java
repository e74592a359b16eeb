package dev.dataversebdd.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's side of {@code $batch} on the wire (Microsoft Learn "Execute batch operations using the Web API"):
 * writes the {@code multipart/mixed} request, with CRLF line ends and a change set per group, and reads the
 * answer back into one response per request. Written apart from the emulator's reader on purpose, so that the two
 * cannot share a misreading of the format.
 */
final class BatchWire {

    /** One request of a batch; {@code url} as the request line carries it (relative, absolute or {@code $1…}). */
    record Request(String contentId, String method, String url, Map<String, String> headers, String body) {
    }

    /** One response of a batch: a request's, or the one error of a change set that was rolled back. */
    record Response(String contentId, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** What a batch holds at its top level, in order: one request (or response), or a change set's. */
    record Group<T>(boolean changeSet, List<T> items) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})[^\r\n]*");

    private final String boundary = "batch_" + UUID.randomUUID();
    private final StringBuilder text = new StringBuilder();

    /** The {@code Content-Type} of the request this writer builds. */
    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    BatchWire single(Request request) {
        text.append("--").append(boundary).append("\r\n");
        appendRequest(text, request);
        return this;
    }

    BatchWire changeSet(List<Request> requests) {
        String changeSet = "changeset_" + UUID.randomUUID();
        text.append("--").append(boundary).append("\r\n")
                .append("Content-Type: multipart/mixed; boundary=").append(changeSet).append("\r\n\r\n");
        for (Request request : requests) {
            text.append("--").append(changeSet).append("\r\n");
            appendRequest(text, request);
        }
        text.append("--").append(changeSet).append("--\r\n");
        return this;
    }

    /** The request body, closed. */
    String body() {
        return text + "--" + boundary + "--\r\n";
    }

    private static void appendRequest(StringBuilder out, Request request) {
        out.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (request.contentId() != null) {
            out.append("Content-ID: ").append(request.contentId()).append("\r\n");
        }
        out.append("\r\n").append(request.method()).append(' ').append(request.url()).append(" HTTP/1.1\r\n");
        request.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append("\r\n"));
        boolean hasBody = request.body() != null && !request.body().isEmpty();
        if (hasBody && request.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            out.append("Content-Type: application/json; type=entry\r\n");
        }
        out.append("\r\n");
        if (hasBody) {
            out.append(request.body()).append("\r\n");
        }
    }

    /**
     * Reads a batch request written by hand (bare LFs are read as CRLFs); throws {@link IllegalArgumentException}
     * naming what is wrong with it.
     */
    static List<Group<Request>> readRequests(String contentType, String body) {
        return groups(contentType, body.replace("\r\n", "\n").replace("\n", "\r\n"), BatchWire::request);
    }

    private static Request request(String part) {
        int blank = part.indexOf("\r\n\r\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a part of the batch has no blank line after its MIME headers");
        }
        String contentId = headerIn(part.substring(0, blank), "Content-ID");
        String http = part.substring(blank + 4);
        int lineEnd = http.indexOf("\r\n");
        String[] requestLine = (lineEnd < 0 ? http : http.substring(0, lineEnd)).trim().split(" +");
        if (requestLine.length != 3) {
            throw new IllegalArgumentException("a part of the batch does not start with '<method> <url> HTTP/1.1'");
        }
        String rest = lineEnd < 0 ? "" : http.substring(lineEnd + 2);
        int headersEnd = rest.startsWith("\r\n") ? 0 : rest.indexOf("\r\n\r\n");
        Map<String, String> headers = headers(headersEnd < 0 ? rest : rest.substring(0, headersEnd));
        String body = headersEnd < 0 ? "" : rest.substring(headersEnd + (headersEnd == 0 ? 2 : 4)).strip();
        return new Request(contentId, requestLine[0], requestLine[1], headers, body.isEmpty() ? null : body);
    }

    /** Reads a batch answer; throws {@link IllegalArgumentException} naming what is wrong with it. */
    static List<Group<Response>> read(String contentType, String body) {
        return groups(contentType, body, BatchWire::response);
    }

    /** The top-level parts in order, a change set's parts read one by one. */
    private static <T> List<Group<T>> groups(String contentType, String body, Function<String, T> reader) {
        List<Group<T>> groups = new ArrayList<>();
        for (String part : parts(boundaryOf(contentType), body)) {
            int blank = part.indexOf("\r\n\r\n");
            String inner = boundaryOf(headerIn(blank < 0 ? part : part.substring(0, blank), "Content-Type"));
            if (inner != null) {
                List<T> items = new ArrayList<>();
                for (String change : parts(inner, part.substring(blank + 4))) {
                    items.add(reader.apply(change));
                }
                groups.add(new Group<>(true, items));
            } else {
                groups.add(new Group<>(false, List.of(reader.apply(part))));
            }
        }
        return groups;
    }

    private static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> parts(String boundary, String body) {
        if (boundary == null) {
            throw new IllegalArgumentException("the answer is not multipart/mixed with a boundary");
        }
        String delimiter = "--" + boundary;
        int start = body.indexOf(delimiter);
        if (start < 0) {
            throw new IllegalArgumentException("the answer has no part delimited by " + delimiter);
        }
        List<String> parts = new ArrayList<>();
        int position = start + delimiter.length();
        while (!body.startsWith("--", position)) {
            int next = body.indexOf("\r\n" + delimiter, position);
            if (next < 0) {
                throw new IllegalArgumentException("the answer ends without its closing " + delimiter + "--");
            }
            parts.add(body.substring(body.indexOf("\r\n", position) + 2, next));
            position = next + 2 + delimiter.length();
        }
        return parts;
    }

    private static Response response(String part) {
        int blank = part.indexOf("\r\n\r\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a part of the answer has no blank line after its MIME headers");
        }
        String contentId = headerIn(part.substring(0, blank), "Content-ID");
        String http = part.substring(blank + 4);
        Matcher status = STATUS.matcher(http);
        if (!status.lookingAt()) {
            throw new IllegalArgumentException("a part of the answer does not start with an HTTP status line");
        }
        int headersEnd = http.indexOf("\r\n\r\n");
        String headerBlock = headersEnd < 0 ? http : http.substring(0, headersEnd);
        Map<String, String> headers = headers(headerBlock); // the status line has no colon, so it is no header
        String body = headersEnd < 0 ? "" : http.substring(headersEnd + 4);
        if (body.isBlank()) {
            body = ""; // Dataverse ends a 204 part with blank lines
        }
        return new Response(contentId, Integer.parseInt(status.group(1)), headers, body);
    }

    /** The {@code Name: value} lines of a header block, in order. */
    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String headerIn(String block, String name) {
        return headers(block).entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}

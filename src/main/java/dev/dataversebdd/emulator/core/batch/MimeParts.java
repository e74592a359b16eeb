package dev.dataversebdd.emulator.core.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a {@code multipart/mixed} body into its parts (RFC 2046 §5.1.1): each part's MIME headers and content.
 * Lines may end in CRLF, as the specification asks, or in a bare LF, which is noted: Dataverse then cannot read
 * the parts' bodies (Microsoft Learn "Troubleshoot Dataverse Web API client errors", "Stream was not readable").
 */
final class MimeParts {

    /** One part: headers matched case-insensitively, the content after the blank line. */
    record Part(Map<String, String> headers, String content) {
        String header(String name) {
            return headers.get(name);
        }
    }

    record Split(List<Part> parts, boolean bareLineFeeds) {
    }

    private MimeParts() {
    }

    /** The {@code boundary} parameter of a {@code multipart/mixed} content type, or null when there is none. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("boundary")) {
                String value = pair[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    static Split split(String body, String boundary, String what) {
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        boolean bareLineFeeds = false;
        int contentStart = -1;
        int lineStart = 0;
        while (lineStart <= body.length()) {
            int newline = body.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? body.length() : newline;
            String line = body.substring(lineStart, lineEnd);
            boolean crlf = line.endsWith("\r");
            if (crlf) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith(delimiter)) {
                String rest = line.substring(delimiter.length());
                boolean closing = rest.startsWith("--");
                if (closing || rest.isBlank()) {
                    bareLineFeeds |= newline >= 0 && !crlf;
                    if (contentStart >= 0) {
                        parts.add(part(body.substring(contentStart, contentEndBefore(body, lineStart)), what));
                    }
                    if (closing) {
                        return new Split(parts, bareLineFeeds);
                    }
                    contentStart = newline < 0 ? body.length() : newline + 1;
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        throw new MalformedBatch("The " + what + " ends without its closing boundary '" + delimiter + "--'.");
    }

    /** The line break before a delimiter belongs to the delimiter (RFC 2046), not to the part. */
    private static int contentEndBefore(String body, int delimiterStart) {
        int end = delimiterStart;
        if (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && body.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    private static Part part(String text, String what) {
        Headed headed = headed(text);
        if (headed == null) {
            throw new MalformedBatch("A part of the " + what + " has no blank line after its MIME headers.");
        }
        return new Part(headed.headers(), headed.rest());
    }

    /** Header lines up to the first blank line, then the rest; null when no blank line ends the headers. */
    static Headed headed(String text) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int position = 0;
        while (true) {
            int newline = text.indexOf('\n', position);
            String line = (newline < 0 ? text.substring(position) : text.substring(position, newline)).replaceFirst("\r$", "");
            if (line.isEmpty()) {
                return new Headed(headers, newline < 0 ? "" : text.substring(newline + 1));
            }
            int colon = line.indexOf(':');
            if (newline < 0 || colon <= 0) {
                return null;
            }
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            position = newline + 1;
        }
    }

    record Headed(Map<String, String> headers, String rest) {
    }
}

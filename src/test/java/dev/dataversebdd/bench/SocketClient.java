package dev.dataversebdd.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for the throughput benchmark only. The JDK's HttpClient
 * spends several hundred microseconds of CPU per request; on a 2-core machine that shared with the servers turns
 * every server into a client benchmark. This client does next to nothing, so the servers' own cost shows.
 * It speaks just what the three servers answer: Content-Length or chunked bodies, no redirects, no TLS.
 */
final class SocketClient implements AutoCloseable {

    /** Status, one header and the body; enough for the mix. */
    record Response(int status, String entityId, byte[] body) {
    }

    private final String host;
    private final int port;
    private final String extraHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketClient(URI base) {
        this(base, null);
    }

    /** {@code extraHeader}: one more header line sent with every request (e.g. {@code Authorization: Bearer t}). */
    SocketClient(URI base, String extraHeader) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.extraHeader = extraHeader;
    }

    Response send(String method, String path, String body) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: application/json\r\nOData-Version: 4.0\r\n");
        if (method.equals("PATCH")) {
            head.append("If-Match: *\r\n");
        }
        if (extraHeader != null) {
            head.append(extraHeader).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(payload, 0, request, headBytes.length, payload.length);
        out.write(request);
        out.flush();
        return read(method);
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        String entityId = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "odata-entityid" -> entityId = value;
                default -> { }
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || method.equals("HEAD")) {
            body = new byte[0];
        } else if (chunked) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line();
            }
            line();
            body = chunks.toByteArray();
        } else {
            body = in.readNBytes(Math.max(length, 0));
        }
        return new Response(status, entityId, body);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}

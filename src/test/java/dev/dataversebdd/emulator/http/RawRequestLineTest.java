package dev.dataversebdd.emulator.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bytes in the request line that are not UTF-8 (an overlong '/') are refused, not decoded into a path. */
class RawRequestLineTest {

    private final DataverseEmulator emulator = DataverseEmulator.builder().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void should_refuse_an_overlong_utf8_sequence_in_the_path() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(5000);
            // WHEN the request line holds an overlong UTF-8 sequence
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write("GET /api/data/v9.2/accounts".getBytes(StandardCharsets.US_ASCII));
            request.write(new byte[] {(byte) 0xC0, (byte) 0xAF});
            request.write("x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            // THEN 400
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 400"));
        }
    }
}

package dev.dataversebdd.emulator.core.batch;

import dev.dataversebdd.emulator.core.EmulatorResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The answer to a batch as D11 shows it: {@code multipart/mixed} with a {@code batchresponse_…} boundary, one
 * {@code application/http} part per request in order, a succeeded change set as a nested
 * {@code changesetresponse_…} multipart echoing each Content-ID, a failed one as the single error that undid it.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class BatchAnswer {

    private sealed interface Item {
    }

    private record Answered(String contentId, EmulatorResponse response) implements Item {
    }

    private record ChangeSetAnswered(List<Answered> answers) implements Item {
    }

    private final List<Item> items = new ArrayList<>();

    /** A request outside a change set, or the one error of a change set that was rolled back. */
    public void single(String contentId, EmulatorResponse response) {
        items.add(new Answered(contentId, response));
    }

    /** A change set whose requests all succeeded. */
    public void changeSet(List<String> contentIds, List<EmulatorResponse> responses) {
        List<Answered> answered = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            answered.add(new Answered(contentIds.get(i), responses.get(i)));
        }
        items.add(new ChangeSetAnswered(answered));
    }

    /** The whole answer with {@code status}: 200, or the first failure's status when processing stopped there. */
    public EmulatorResponse toResponse(int status) {
        String boundary = "batchresponse_" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Item item : items) {
            write(out, "--" + boundary + "\r\n");
            if (item instanceof Answered answered) {
                writePart(out, answered);
            } else {
                List<Answered> changes = ((ChangeSetAnswered) item).answers();
                String inner = "changesetresponse_" + UUID.randomUUID();
                write(out, "Content-Type: multipart/mixed; boundary=" + inner + "\r\n\r\n");
                for (Answered change : changes) {
                    write(out, "--" + inner + "\r\n");
                    writePart(out, change);
                }
                write(out, "--" + inner + "--\r\n");
            }
        }
        write(out, "--" + boundary + "--\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OData-Version", "4.0");
        headers.put("Content-Type", "multipart/mixed; boundary=" + boundary);
        return new EmulatorResponse(status, headers, out.toByteArray());
    }

    private static void writePart(ByteArrayOutputStream out, Answered answered) {
        write(out, "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (answered.contentId() != null) {
            write(out, "Content-ID: " + answered.contentId() + "\r\n");
        }
        EmulatorResponse response = answered.response();
        write(out, "\r\nHTTP/1.1 " + response.status() + " " + reason(response.status()) + "\r\n");
        response.headers().forEach((name, value) -> write(out, name + ": " + value + "\r\n"));
        String entityId = response.header("OData-EntityId");
        if (entityId != null && response.header("Location") == null) {
            write(out, "Location: " + entityId + "\r\n"); // each create and update part also carries Location (D11)
        }
        write(out, "\r\n");
        out.writeBytes(response.body());
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}

package dev.dataversebdd.emulator.core.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A batch request read whole before anything runs, so a malformed batch is refused with nothing applied: its
 * requests and change sets in order, and whether its lines ended in bare LFs.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record BatchRequest(List<BatchItem> items, boolean bareLineFeeds) {

    /** "Batch requests can contain up to 1000 individual requests" (Microsoft Learn, D11). */
    public static final int MAX_REQUESTS = 1000;

    private static final Set<String> CHANGE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    public BatchRequest {
        items = List.copyOf(items);
    }

    public static BatchRequest read(String contentType, byte[] body) {
        String boundary = MimeParts.boundaryOf(contentType);
        if (boundary == null) {
            throw new MalformedBatch("The content type '" + contentType + "' specifies a batch payload; however, the "
                    + "payload either does not include a batch boundary or includes more than one boundary. In OData, "
                    + "batch payload content types must specify exactly one batch boundary in the 'boundary' parameter "
                    + "of the content type.");
        }
        MimeParts.Split split = MimeParts.split(new String(body, StandardCharsets.UTF_8), boundary, "batch");
        List<BatchItem> items = new ArrayList<>();
        boolean bareLineFeeds = split.bareLineFeeds();
        int requests = 0;
        for (MimeParts.Part part : split.parts()) {
            String changeSetBoundary = MimeParts.boundaryOf(part.header("Content-Type"));
            if (changeSetBoundary != null) {
                MimeParts.Split changes = MimeParts.split(part.content(), changeSetBoundary, "change set");
                bareLineFeeds |= changes.bareLineFeeds();
                List<PartRequest> changeRequests = new ArrayList<>();
                Set<String> contentIds = new HashSet<>();
                for (MimeParts.Part change : changes.parts()) {
                    if (MimeParts.boundaryOf(change.header("Content-Type")) != null) {
                        throw new MalformedBatch("A change set cannot contain another change set: nested change sets "
                                + "are not supported.");
                    }
                    PartRequest request = request(change);
                    if (!CHANGE_METHODS.contains(request.method())) {
                        throw new MalformedBatch("An invalid HTTP method '" + request.method() + "' was detected for a "
                                + "request in a change set. Requests in change sets only support the HTTP methods "
                                + "'POST', 'PUT', 'DELETE', and 'PATCH'.");
                    }
                    if (request.contentId() == null || request.contentId().isBlank()) {
                        // OData 4.0 Protocol §11.7.3.1 requires a Content-ID on every request of a change set, and
                        // Microsoft's OData library refuses one without it (INF: no Dataverse capture).
                        throw new MalformedBatch("The header with name 'Content-ID' was not found in the request '"
                                + request.method() + " " + request.target() + "' of a change set: every request of a "
                                + "change set needs a Content-ID.");
                    }
                    if (!contentIds.add(request.contentId())) {
                        throw new MalformedBatch("The content ID '" + request.contentId() + "' was found more than once "
                                + "in the same change set or same batch request. Content IDs have to be unique across "
                                + "all operations of a change set for OData V4.0 and have to be unique across all "
                                + "operations in the whole batch request for OData V4.01.");
                    }
                    changeRequests.add(request);
                }
                requests += changeRequests.size();
                items.add(new BatchItem.ChangeSet(changeRequests));
            } else {
                items.add(new BatchItem.Single(request(part)));
                requests++;
            }
        }
        if (requests > MAX_REQUESTS) {
            throw new MalformedBatch("The batch contains " + requests + " requests; a batch can contain up to "
                    + MAX_REQUESTS + " individual requests.");
        }
        return new BatchRequest(items, bareLineFeeds);
    }

    private static PartRequest request(MimeParts.Part part) {
        String type = part.header("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/http")) {
            throw new MalformedBatch("The 'Content-Type' header value '" + (type == null ? "" : type) + "' is not "
                    + "valid. When this is the start of the change set, the value must be 'multipart/mixed'; otherwise "
                    + "it must be 'application/http'.");
        }
        String encoding = part.header("Content-Transfer-Encoding");
        if (encoding == null || !encoding.trim().equalsIgnoreCase("binary")) {
            throw new MalformedBatch("The 'Content-Transfer-Encoding' header of a batch part is "
                    + (encoding == null ? "missing" : "'" + encoding + "'") + "; the only supported content transfer "
                    + "encoding is 'binary'.");
        }
        String content = part.content();
        int newline = content.indexOf('\n');
        String requestLine = (newline < 0 ? content : content.substring(0, newline)).trim();
        // The URL is what lies between the first and the last space, so a URL a client did not percent-encode
        // (`$orderby=name asc`) still reads, as Microsoft's OData library reads it (ODataMultipartMixedBatchReader
        // .ParseRequestLine in OData/odata.net).
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        String[] words = firstSpace <= 0 || lastSpace <= firstSpace + 1 ? new String[0] : new String[] {
            requestLine.substring(0, firstSpace), requestLine.substring(firstSpace + 1, lastSpace).trim(),
            requestLine.substring(lastSpace + 1)};
        if (words.length != 3 || words[1].isEmpty() || !words[2].startsWith("HTTP/")) {
            throw new MalformedBatch("The request line '" + requestLine + "' of a batch part is not valid: expected "
                    + "'<method> <url> HTTP/1.1'.");
        }
        MimeParts.Headed headed = MimeParts.headed(newline < 0 ? "" : content.substring(newline + 1));
        if (headed == null) {
            throw new MalformedBatch("The headers of the batch request '" + requestLine + "' do not end with a blank "
                    + "line.");
        }
        if (words[1].contains("$batch")) {
            throw new MalformedBatch("A batch request can't contain other batch requests ('" + requestLine + "').");
        }
        String contentId = part.header("Content-ID");
        if (contentId == null) {
            contentId = headed.headers().get("Content-ID");
        }
        return new PartRequest(contentId, words[0].toUpperCase(Locale.ROOT), words[1], headed.headers(), headed.rest());
    }
}

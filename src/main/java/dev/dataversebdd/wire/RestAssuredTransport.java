package dev.dataversebdd.wire;

import dev.dataversebdd.report.RecordedExchange;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only place that builds RestAssured requests: the operations scenarios check. One specification per request;
 * RestAssured's static defaults are never written (they are not safe for parallel scenarios). Paths are sent as
 * written, unencoded, the way Dataverse's documentation shows them.
 */
final class RestAssuredTransport implements Transport {

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .defaultContentCharset(StandardCharsets.UTF_8));

    @Override
    public RecordedExchange send(String method, String url, Map<String, String> headers, String body) {
        RequestSpecification request = RestAssured.given().config(CONFIG).urlEncodingEnabled(false).headers(headers);
        if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        Response response = request.request(method, url);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            responseHeaders.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return HttpChannel.record(method, URI.create(url), headers, body, response.getStatusCode(), responseHeaders,
                response.asString(), millis);
    }
}

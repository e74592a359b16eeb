package dev.dataversebdd.wire;

import dev.dataversebdd.report.RecordedExchange;
import java.util.Map;

/** Sends one HTTP request and records it; {@link HttpChannel} adds default headers, retries and reporting. */
interface Transport {

    RecordedExchange send(String method, String url, Map<String, String> headers, String body);
}

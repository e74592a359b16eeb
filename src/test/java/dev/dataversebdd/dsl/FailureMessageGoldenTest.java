package dev.dataversebdd.dsl;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dataversebdd.dsl.internal.ClientSchema;
import dev.dataversebdd.dsl.internal.FailureReport;
import dev.dataversebdd.dsl.internal.Hints;
import dev.dataversebdd.emulator.core.schema.Schema;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.report.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Failure messages are a product surface: these pin them to golden files in src/test/resources/golden/.
 * Set -Dgolden.update=true to rewrite the files after an intended change, then review the diff.
 */
class FailureMessageGoldenTest {

    private static final String TARGET = "embedded emulator at http://127.0.0.1:51234 (api v9.2)";
    private static final String ACCOUNT = "7d3f2b1e-0000-4000-8000-000000000002";
    private static final String OPPORTUNITY = "11aa0000-0000-4000-8000-000000000001";
    private final ClientSchema schema = ClientSchema.parse(Schema.standard().document());
    private final FailureReport report = new FailureReport(TARGET, Redactor.withSecrets(List.of("s3cr3t-client-value")));
    private final Hints hints = new Hints(schema);

    @Test
    void should_explain_a_misspelt_navigation_property_with_a_did_you_mean_hint() throws IOException {
        // GIVEN
        RecordedExchange exchange = new RecordedExchange("POST", "http://127.0.0.1:51234",
                "/api/data/v9.2/accounts(" + ACCOUNT + ")/opportunity_customer_acounts",
                ordered("Authorization", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJl",
                        "Content-Type", "application/json"),
                "{\"name\":\"x\"}", 404, ordered("Content-Type", "application/json; odata.metadata=minimal",
                "OData-Version", "4.0"), "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Resource not found for the "
                + "segment 'opportunity_customer_acounts'.\"}}", 3);
        // WHEN
        AssertionFailedError error = report.failure("associate", "204 No Content", "404 Not Found",
                "associate opportunity \"Big deal\" to account \"Contoso\" via opportunity_customer_acounts",
                "features/associate/one-to-many.feature:14", exchange, hints.forFailure(exchange, "account").orElse(null));
        // THEN
        assertGolden("associate-misspelt-navigation.txt", error.getMessage());
        assertThat(error.getExpected().getValue(), equalTo("204 No Content"));
        assertThat(error.getActual().getValue(), equalTo("404 Not Found"));
    }

    @Test
    void should_explain_a_lookup_column_used_before_ref_and_mask_every_secret() throws IOException {
        RecordedExchange exchange = new RecordedExchange("PUT", "http://127.0.0.1:51234",
                "/api/data/v9.2/contacts(" + OPPORTUNITY + ")/parentcustomerid/$ref",
                ordered("Authorization", "Bearer abc.def", "Cookie", "ReqClientId=1"),
                "{\"@odata.id\":\"accounts(" + ACCOUNT + ")\",\"client_secret\":\"s3cr3t-client-value\"}", 400,
                Map.of("OData-Version", "4.0"), "{\"error\":{\"code\":\"0x8006088a\",\"message\":\"The URI segment '$ref' is "
                + "invalid after the segment 'parentcustomerid'.\"}}", 2);
        String message = report.message("rebind", "204 No Content", "400 Bad Request",
                "set parentcustomerid of contact \"Ann\" to account \"Contoso\"", null, exchange,
                hints.forFailure(exchange, "contact").orElse(null));
        assertGolden("rebind-lookup-column.txt", message);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
        }
        assertThat(actual + "\n", equalTo(Files.readString(file, StandardCharsets.UTF_8)));
    }
}

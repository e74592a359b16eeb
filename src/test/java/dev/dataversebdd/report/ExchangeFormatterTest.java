package dev.dataversebdd.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeFormatterTest {

    private static RecordedExchange exchangeWith(String requestBody, String responseBody) {
        return new RecordedExchange("POST", "http://127.0.0.1:5555", "/api/data/v9.2/accounts",
                Map.of("Content-Type", "application/json"), requestBody, 200, Map.of(), responseBody, 3);
    }

    @Test
    void should_indent_json_bodies_for_attachments_and_keep_them_compact_for_messages() {
        // GIVEN a compact JSON body
        RecordedExchange exchange = exchangeWith("{\"name\":\"Contoso\",\"parties\":[{\"mask\":1}]}", "");
        // WHEN it is formatted for an attachment, and for a failure message
        String attachment = new ExchangeFormatter(Redactor.standard(), 10_000, true).format(exchange);
        String message = new ExchangeFormatter(Redactor.standard(), 10_000).format(exchange);
        // THEN the attachment is indented, line by line, and the message shows the body as sent
        assertThat(attachment, containsString("{\n    \"name\" : \"Contoso\",\n    \"parties\" : [ {\n      \"mask\" : 1"));
        assertThat(message, containsString("  {\"name\":\"Contoso\",\"parties\":[{\"mask\":1}]}\n"));
    }

    @Test
    void should_keep_what_was_sent_when_indenting() {
        // GIVEN duplicate keys and numbers whose text a parse into doubles would change
        String body = "{\"a\":1.10,\"a\":2,\"big\":1e400,\"exact\":12345678901234567890.5}";
        // WHEN it is indented
        String indented = ExchangeFormatter.indented(body);
        // THEN every key and every number's text survives
        assertThat(indented.replaceAll("\\s", ""), equalTo(body));
        assertThat(indented, containsString("\"a\" : 1.10"));
        assertThat(indented, containsString("\"a\" : 2"));
    }

    @Test
    void should_show_a_body_that_is_not_one_json_value_as_it_was() {
        for (String body : List.of("not json", "{\"open\": [1, 2", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "[1,]",
                "<html>{}</html>")) {
            assertThat(body, ExchangeFormatter.indented(body), equalTo(body));
        }
    }

    @Test
    void should_mask_secrets_in_indented_bodies() {
        // GIVEN a response carrying a secret the run knows
        RecordedExchange exchange = exchangeWith("", "{\"access_token\":\"s3cr3t-value-123456\",\"ok\":true}");
        // WHEN it is formatted for an attachment
        String attachment = new ExchangeFormatter(Redactor.withSecrets(List.of("s3cr3t-value-123456")), 10_000, true)
                .format(exchange);
        // THEN the secret is masked and the rest indented
        assertThat(attachment, not(containsString("s3cr3t-value-123456")));
        assertThat(attachment, containsString("\"ok\" : true"));
    }
}

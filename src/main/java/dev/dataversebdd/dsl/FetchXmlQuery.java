package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.wire.ClientSchema;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A FetchXML query, sent as Microsoft's "Use FetchXml to retrieve data" shows: {@code GET {set}?fetchXml=<url-encoded>}
 * to the entity set of the {@code <entity name>} table. Read one answer, or page through every page as "Page results
 * using FetchXml" does: {@code count} and {@code page} on the fetch element, the paging cookie of each page sent back
 * in the next, until {@code @Microsoft.Dynamics.CRM.morerecords} is false.
 *
 * <pre>{@code
 * dv.fetch("<fetch><entity name='account'><attribute name='name'/></entity></fetch>").rows().hasRows(3);
 * dv.fetch("<fetch><entity name='contact'><attribute name='fullname'/></entity></fetch>").pageThrough(50).hasRows(230);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class FetchXmlQuery {

    private static final Pattern ENTITY = Pattern.compile("<entity\\s+name\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern FETCH = Pattern.compile("<fetch(\\s|>|/)");
    private static final Pattern COOKIE = Pattern.compile("pagingcookie=\"([^\"]*)\"");
    private static final String PAGING_ANNOTATIONS = "odata.include-annotations=\"Microsoft.Dynamics.CRM."
            + "fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"";

    private final Conversation conversation;
    private final Aliases aliases;
    private final ClientSchema.Table table;
    private final String xml;

    FetchXmlQuery(Conversation conversation, Rows rows, String xml) {
        Matcher entity = ENTITY.matcher(xml);
        if (!FETCH.matcher(xml).find() || !entity.find()) {
            throw new IllegalArgumentException("a FetchXML query is a <fetch> element with an <entity name='...'>: " + xml);
        }
        this.conversation = conversation;
        this.aliases = rows.aliases();
        this.table = rows.table(entity.group(1));
        this.xml = xml;
    }

    /** The first (or only) answer, up to the page size the query sets (5,000 by default). */
    public FetchXmlRows rows() {
        JsonNode json = read(xml, Map.of(), "fetch " + table.entitySet());
        return new FetchXmlRows(this, rows(json), 1);
    }

    /** Every page of {@code pageSize} rows, each asked for with the previous page's paging cookie. */
    public FetchXmlRows pageThrough(int pageSize) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("a FetchXML page holds 1 to 5,000 rows, not " + pageSize);
        }
        List<Map<String, String>> all = new ArrayList<>();
        String cookie = null;
        int page = 1;
        while (true) {
            String paged = FETCH.matcher(xml).replaceFirst(Matcher.quoteReplacement("<fetch count='" + pageSize
                    + "' page='" + page + "'" + (cookie == null ? "" : " paging-cookie='" + xmlEncode(cookie) + "'"))
                    + "$1");
            JsonNode json = read(paged, Map.of("Prefer", PAGING_ANNOTATIONS), "fetch page " + page + " of "
                    + table.entitySet() + ", " + pageSize + " at a time");
            all.addAll(rows(json));
            if (!json.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(false)) {
                return new FetchXmlRows(this, all, page);
            }
            Matcher inner = COOKIE.matcher(json.path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText(""));
            cookie = inner.find() ? URLDecoder.decode(URLDecoder.decode(inner.group(1), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8) : null; // no cookie: simple paging, by page number alone
            page++;
        }
    }

    private JsonNode read(String query, Map<String, String> headers, String what) {
        String path = table.entitySet() + "?fetchXml=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        return conversation.read(what, path, headers, table.logicalName());
    }

    private static List<Map<String, String>> rows(JsonNode json) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : json.path("value")) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                if (!field.getKey().startsWith("@")) {
                    columns.put(field.getKey(), field.getValue().isNumber()
                            ? field.getValue().decimalValue().stripTrailingZeros().toPlainString() : field.getValue().asText());
                }
            }
            rows.add(columns);
        }
        return rows;
    }

    private static String xmlEncode(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    ClientSchema.Table table() {
        return table;
    }

    AssertionError fail(String expected, String actual, String doing) {
        return conversation.failures().of("read-back", expected, actual, doing, conversation.lastRead(),
                table.logicalName());
    }

    String describe(java.util.UUID id) {
        return aliases.label(id).orElse(id.toString());
    }
}

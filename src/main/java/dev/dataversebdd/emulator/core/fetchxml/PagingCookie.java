package dev.dataversebdd.emulator.core.fetchxml;

import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.state.Row;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} value in the shape "Page results using FetchXml" shows
 * (F3): a {@code cookie} element whose {@code pagenumber} is the next page and whose {@code pagingcookie} is the
 * inner {@code <cookie page="n">} with the first and last primary keys of the page, URL-encoded twice. The emulator
 * reads a returned cookie's presence, not its keys: the next page is the one {@code page} names, which is the same
 * rows while the data does not change between requests [INF].
 */
final class PagingCookie {

    private PagingCookie() {
    }

    static String of(EntityType type, int page, Row first, Row last) {
        String inner = "<cookie page=\"" + page + "\"><" + type.primaryKey() + " last=\"{" + upper(last) + "}\" first=\"{"
                + upper(first) + "}\" /></cookie>";
        return "<cookie pagenumber=\"" + (page + 1) + "\" pagingcookie=\"" + encode(encode(inner))
                + "\" istracking=\"False\" />";
    }

    private static String upper(Row row) {
        return row.id().toString().toUpperCase(Locale.ROOT);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

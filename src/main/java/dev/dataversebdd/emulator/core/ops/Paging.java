package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.Errors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-driven paging as Dataverse does it (Q2): at most 5,000 rows a page, fewer when the client asks with
 * {@code Prefer: odata.maxpagesize=n} (echoed in {@code Preference-Applied}; larger values are ignored), and an
 * {@code @odata.nextLink} carrying a {@code $skiptoken} shaped like Dataverse's paging cookie, which clients follow
 * as given.
 *
 * @param pageSize  the rows of this page at most
 * @param offset    how many matching rows earlier pages held
 * @param applied   the {@code Preference-Applied} value, or null
 */
record Paging(int pageSize, int offset, String applied) {

    static final int MAX_PAGE_SIZE = 5_000;
    private static final Pattern MAX_PAGE_SIZE_PREFERENCE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d{1,9})");
    private static final Pattern OFFSET = Pattern.compile("emulatoroffset=\"(\\d{1,9})\"");

    static Paging of(RequestContext context) {
        int size = MAX_PAGE_SIZE;
        String applied = null;
        String prefer = context.request().header("Prefer");
        if (prefer != null) {
            Matcher asked = MAX_PAGE_SIZE_PREFERENCE.matcher(prefer.toLowerCase(Locale.ROOT));
            if (asked.find()) {
                int n = Integer.parseInt(asked.group(1));
                if (n >= 1 && n <= MAX_PAGE_SIZE) {
                    size = n;
                    applied = "odata.maxpagesize=" + n;
                }
            }
        }
        String token = context.query().skipToken();
        int offset = 0;
        if (token != null) {
            Matcher m = OFFSET.matcher(token);
            if (!m.find()) {
                throw Errors.invalidSkipToken(token);
            }
            offset = Integer.parseInt(m.group(1));
        }
        return new Paging(size, offset, applied);
    }

    /** The request's own URL with a {@code $skiptoken} for the page after {@code nextOffset} rows. */
    String nextLink(RequestContext context, int nextOffset) {
        String root = context.serviceRoot();
        String origin = root.substring(0, root.indexOf("/api/data/"));
        StringBuilder query = new StringBuilder();
        String raw = context.request().rawQuery();
        if (raw != null) {
            for (String option : raw.split("&")) {
                if (!option.isEmpty() && !option.toLowerCase(Locale.ROOT).startsWith("$skiptoken=")
                        && !option.toLowerCase(Locale.ROOT).startsWith("%24skiptoken=")) {
                    query.append(option).append('&');
                }
            }
        }
        query.append("$skiptoken=").append(skipToken(nextOffset, pageSize));
        return origin + context.request().path() + "?" + query;
    }

    /** The {@code $skiptoken} value of the page that starts after {@code offset} rows, URL-encoded. */
    static String skipToken(int offset, int pageSize) {
        String cookie = "<cookie pagenumber=\"" + (offset / pageSize + 1) + "\" emulatoroffset=\"" + offset
                + "\" istracking=\"False\" />";
        return URLEncoder.encode(cookie, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

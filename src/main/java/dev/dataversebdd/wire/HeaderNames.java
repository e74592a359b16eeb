package dev.dataversebdd.wire;

import java.util.Locale;
import java.util.Map;

/**
 * Header names as Dataverse spells them. The JDK's HTTP client hands them over in lower case, so without this the
 * read-back exchanges in a report would spell them differently from the others ({@code odata-version} next to
 * {@code OData-Version}).
 */
final class HeaderNames {

    private static final Map<String, String> DATAVERSE = Map.of(
            "odata-version", "OData-Version",
            "odata-maxversion", "OData-MaxVersion",
            "odata-entityid", "OData-EntityId",
            "etag", "ETag",
            "www-authenticate", "WWW-Authenticate",
            "req_id", "REQ_ID");

    private HeaderNames() {
    }

    /** {@code odata-entityid} → {@code OData-EntityId}; others in the usual capitalisation ({@code Content-Type}). */
    static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String known = DATAVERSE.get(lower);
        if (known != null) {
            return known;
        }
        StringBuilder result = new StringBuilder(lower.length());
        boolean upper = true;
        for (char c : lower.toCharArray()) {
            result.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return result.toString();
    }
}

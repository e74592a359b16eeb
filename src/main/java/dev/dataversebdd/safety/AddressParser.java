package dev.dataversebdd.safety;

import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads URLs and entity references into {@link Address}es without sending anything. Every spelling that some
 * server might accept for a row is read as that row: relative, root-relative or absolute, any API version, any
 * case of names and GUIDs, braces, {@code pk=guid}, percent-encoding, trailing segments and queries. The one place
 * that splits a URL: the guard switches over the typed {@link Address} it returns. What it cannot read is
 * {@link Unreadable}, which the guard refuses for writes.
 */
final class AddressParser {

    private static final Pattern API_PREFIX = Pattern.compile("^/?api/data/v\\d+(?:\\.\\d+)?/", Pattern.CASE_INSENSITIVE);
    private static final Pattern GUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");
    private static final Pattern NAMED_KEY = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*=\\s*(.+?)\\s*$", Pattern.DOTALL);
    private static final Pattern LEFT_ENCODED = Pattern.compile("%[0-9a-fA-F]{2}");
    /** The OData segments that begin with '$' and are no batch Content-ID reference. */
    private static final Set<String> SYSTEM_SEGMENTS = Set.of("$ref", "$value", "$count", "$batch", "$metadata",
            "$entity", "$all", "$crossjoin", "$each", "$filter", "$query");

    /** A URL or reference the parser cannot read as anything safe to send. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    private final ClientSchema schema;
    private final URI serviceRoot;

    AddressParser(ClientSchema schema, String serviceRoot) {
        this.schema = schema;
        this.serviceRoot = URI.create(serviceRoot);
    }

    /**
     * A request URL: absolute, root-relative ({@code /api/data/v9.0/…}) or relative to the service root. An absolute
     * URL must name the target's own origin. Returns null for a URL outside the Web API ({@code /_emulator/…}).
     */
    Address url(String written) throws Unreadable {
        String rest = stripOrigin(written, true);
        if (rest.startsWith("/")) {
            Matcher prefix = API_PREFIX.matcher(rest);
            if (!prefix.find()) {
                return null;
            }
            rest = rest.substring(prefix.end());
        }
        return parse(rest);
    }

    /**
     * An entity reference in a body ({@code @odata.id}, {@code @odata.bind}) or a {@code $id} option: absolute,
     * {@code /api/data/v9.x/set(id)}, or relative to the service root with or without a leading slash.
     */
    Address reference(String written) throws Unreadable {
        if (written.startsWith("$")) {
            throw new Unreadable("'" + written + "' is a batch Content-ID reference, which only a $batch change set can resolve");
        }
        // A server might ignore the host of a reference and resolve its path: read it as that row, whatever the host.
        String rest = stripOrigin(written, false);
        Matcher prefix = API_PREFIX.matcher(rest);
        rest = prefix.find() ? rest.substring(prefix.end()) : rest.replaceFirst("^/+", "");
        return parse(rest);
    }

    private String stripOrigin(String written, boolean requireTargetOrigin) throws Unreadable {
        String text = written.trim();
        int scheme = text.indexOf("://");
        if (scheme < 0 || scheme > 8 || text.substring(0, scheme).contains("/")) {
            return text;
        }
        URI uri;
        try {
            uri = URI.create(text.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D").replace("\"", "%22"));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("'" + written + "' is not a URL");
        }
        if (requireTargetOrigin && !HttpChannel.sameOrigin(uri, serviceRoot)) {
            throw new Unreadable("'" + written + "' names " + uri.getScheme() + "://" + uri.getRawAuthority()
                    + ", not the target " + serviceRoot.getScheme() + "://" + serviceRoot.getRawAuthority());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * The row a key after a navigation property names ({@code …/contact_customer_accounts(<key>)/$ref}): read as the
     * reference {@code <set>(<key>)} of the property's table would be.
     */
    Address nested(ClientSchema.Navigation nav, String key) throws Unreadable {
        ClientSchema.Table table = schema.table(nav.targetTable()).orElseThrow(() -> new IllegalStateException("no table "
                + nav.targetTable() + " in the schema"));
        return reference(table.entitySet() + "(" + key + ")");
    }

    /** {@code set(key)/following…?query}, relative to the service root, still percent-encoded. */
    private Address parse(String relative) throws Unreadable {
        int q = relative.indexOf('?');
        String path = q < 0 ? relative : relative.substring(0, q);
        String query = q < 0 ? null : relative.substring(q + 1);
        String decoded = decode(path);
        List<String> segments = segments(decoded);
        refuseUnresolved(segments);
        if (segments.isEmpty()) {
            return new Address.Unknown(null);
        }
        String first = segments.get(0);
        int paren = first.indexOf('(');
        String name = paren < 0 ? first : first.substring(0, paren);
        String key = paren < 0 ? null : first.substring(paren + 1, first.length() - 1);
        ClientSchema.Table table = schema.tableIgnoringCase(name).orElse(null);
        String idQuery = idQuery(query);
        if (table == null) {
            return segments.size() == 1 && key == null ? new Address.Operation(name, idQuery)
                    : new Address.Unknown(idQuery);
        }
        if (key == null) {
            return new Address.EntitySet(table, segments.size() == 1 ? null
                    : String.join("/", segments.subList(1, segments.size())), idQuery);
        }
        return new Address.Row(table, key(key, table), following(table, segments.subList(1, segments.size())), idQuery);
    }

    /**
     * What a lenient server might resolve to a row the guard never saw, so it is not read as "no row": a Content-ID
     * reference anywhere but leading a batch request's URL ({@code accounts(…)/nav($1)/$ref}, {@code /$1}; leading
     * a URL, {@link ChangeSetReferences} resolves it before the URL comes here), and dot segments, which a server
     * that normalises paths (RFC 3986 §5.2.4) would follow to another row ({@code accounts(<own>)/../accounts(…)}).
     */
    private static void refuseUnresolved(List<String> segments) throws Unreadable {
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new Unreadable("'" + String.join("/", segments) + "' has a dot segment, which a server may "
                        + "resolve to another row");
            }
            int paren = segment.indexOf('(');
            String name = paren < 0 ? segment : segment.substring(0, paren);
            String key = paren < 0 ? "" : segment.substring(paren + 1).trim();
            if (name.startsWith("$") && !SYSTEM_SEGMENTS.contains(name.toLowerCase(Locale.ROOT)) || key.startsWith("$")) {
                throw new Unreadable("'" + segment + "' holds a batch Content-ID reference where the guard does not "
                        + "resolve one: it reads $n only leading the URL of a change set's request, or as a whole "
                        + "reference value of its body");
            }
        }
    }

    private static Address.Key key(String key, ClientSchema.Table table) {
        UUID id = keyId(key, table);
        if (id != null) {
            return new Address.Key.Id(id);
        }
        return key.contains("=") ? new Address.Key.Alternate(key) : new Address.Key.Malformed(key);
    }

    /** What follows a row: nothing, one of its table's navigation properties (then a key, {@code $ref}), or else. */
    private static Address.Following following(ClientSchema.Table table, List<String> following) {
        if (following.isEmpty()) {
            return new Address.Following.Nothing();
        }
        String segment = following.get(0);
        int paren = segment.indexOf('(');
        String name = paren < 0 ? segment : segment.substring(0, paren);
        String key = paren < 0 ? null : segment.substring(paren + 1, segment.length() - 1);
        Optional<ClientSchema.Navigation> nav = table.navigationIgnoringCase(name);
        boolean ref = following.size() == 2 && following.get(1).equalsIgnoreCase("$ref");
        if (nav.isEmpty() || following.size() > 2 || (following.size() == 2 && !ref)) {
            return new Address.Following.Other(String.join("/", following));
        }
        return new Address.Following.Navigation(nav.get(), segment, key, ref);
    }

    /** The row id a key names directly: {@code guid}, {@code {guid}}, {@code 'guid'}, {@code pk=guid}. */
    private static UUID keyId(String key, ClientSchema.Table table) {
        String value = key.trim();
        Matcher named = NAMED_KEY.matcher(value);
        if (named.matches() && !value.startsWith("'")) {
            if (table == null || !named.group(1).equalsIgnoreCase(table.primaryKey())) {
                return null; // an alternate key: looked up by reading
            }
            value = named.group(2);
        }
        Matcher guid = GUID.matcher(value.replace("'", ""));
        return guid.matches() ? UUID.fromString(guid.group(1).toLowerCase(Locale.ROOT)) : null;
    }

    private static String idQuery(String query) throws Unreadable {
        if (query == null) {
            return null;
        }
        for (String option : query.split("&")) {
            int eq = option.indexOf('=');
            String name = decode(eq < 0 ? option : option.substring(0, eq));
            if (name.equalsIgnoreCase("$id")) {
                return eq < 0 ? "" : decode(option.substring(eq + 1));
            }
        }
        return null;
    }

    /** Decodes once; text still encoded after that would be read differently by different servers, so it is refused. */
    private static String decode(String text) throws Unreadable {
        String decoded;
        try {
            decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("'" + text + "' has a broken percent-encoding");
        }
        if (LEFT_ENCODED.matcher(decoded).find()) {
            throw new Unreadable("'" + text + "' is percent-encoded twice");
        }
        return decoded;
    }

    /** Splits on '/' outside parentheses and quotes, so an alternate key's value may hold a slash. */
    private static List<String> segments(String path) throws Unreadable {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\'' ) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (c == '/' && depth == 0 && !quoted) {
                if (current.length() > 0) {
                    segments.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (depth != 0 || quoted) {
            throw new Unreadable("'" + path + "' has unbalanced parentheses or quotes");
        }
        if (current.length() > 0) {
            segments.add(current.toString());
        }
        for (String segment : segments) {
            int open = segment.indexOf('(');
            if (open >= 0 && !segment.endsWith(")")) {
                throw new Unreadable("'" + segment + "' has text after its key");
            }
        }
        return segments;
    }
}

package dev.dataversebdd.safety;

import dev.dataversebdd.report.RecordedExchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The batch Content-ID references ({@code $1}) of one change set, or of one request outside any, on their way to
 * the target (Microsoft Learn "Execute batch operations using the Web API": {@code $n} leading a request URL, or as
 * a reference value of a body, names what the request with Content-ID {@code n} of the same change set created).
 * On a live org a reference is let through, as written, only where the guard can prove which row it names: an
 * earlier request of the same change set declared that Content-ID and creates, with its whole body, a row whose id
 * the guard chose. The guard checks the request as if each {@code $n} were that row's URL, so every rule of a live
 * run applies to it; the request is sent with {@code $n} as written. Any other reference is refused, unsent. After
 * the answer, the create's own answer must name the row the guard chose ({@link #unproven}); on the emulator
 * everything passes unchanged.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class ChangeSetReferences {

    /**
     * A request answered 2xx whose Content-ID reference cannot be proven to have named the row the guard chose: the
     * create it names was not answered 2xx, or its answer names another row (or none).
     *
     * @param answer the create's answer (null when it got none), which the failure shows
     */
    public record Unproven(String reference, String expected, String actual, RecordedExchange answer) {
    }

    private static final Pattern ENTITY_ID = Pattern.compile("/([A-Za-z0-9_.]+)\\(\\{?([0-9a-fA-F-]{36})}?\\)\\s*$");

    private final SessionSafety safety;
    private final LiveGuard guard;
    private final String serviceRoot;
    private final boolean changeSet;
    /** Content-ID → the row its request creates with an id the guard chose; a null value: it creates no such row. */
    private final Map<String, RowId> declared = new HashMap<>();
    private final Map<Prepared, String> declaring = new IdentityHashMap<>();
    private final Map<Prepared, Set<String>> referencing = new IdentityHashMap<>();
    private final Map<String, RecordedExchange> answers = new HashMap<>();
    private final List<Unproven> unproven = new ArrayList<>();

    ChangeSetReferences(SessionSafety safety, LiveGuard guard, String serviceRoot, boolean changeSet) {
        this.safety = safety;
        this.guard = guard;
        this.serviceRoot = serviceRoot;
        this.changeSet = changeSet;
    }

    /**
     * The request as it may be sent, its Content-ID references as written; throws {@link Refusal} (before anything
     * is sent) when it may not, or when a reference names anything but a row the guard chose in this change set.
     *
     * @param contentId the request's own Content-ID, or null
     */
    public Prepared prepare(String contentId, String method, String written, Map<String, String> headers, String body) {
        if (guard == null || method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")) {
            return safety.prepare(method, written, headers, body);
        }
        if (contentId != null && declared.containsKey(contentId)) {
            throw refusal(method, written, "Content-ID " + contentId + " is declared twice in the change set, so '$"
                    + contentId + "' could name either request's row");
        }
        Set<String> used = new LinkedHashSet<>();
        String url = written;
        if (written.startsWith("$")) {
            int end = firstOf(written, '/', '?');
            url = resolve(written.substring(0, end), method, written, used) + written.substring(end);
        }
        String checkedBody = BodyReferences.map(body, value -> value.startsWith("$") ? resolve(value, method, written,
                used) : value);
        Prepared checked;
        try {
            checked = guard.prepare(method, url, headers, checkedBody);
        } catch (Refusal refusal) {
            throw used.isEmpty() ? refusal : refusal(method, written, refusal.why());
        }
        Prepared sent = used.isEmpty() ? checked : checked.sentAs(written, BodyReferences.map(checked.body(),
                value -> writtenBack(value, used)));
        if (contentId != null) {
            declared.put(contentId, checked.chosenRow());
            declaring.put(sent, contentId);
        }
        if (!used.isEmpty()) {
            referencing.put(sent, used);
        }
        return sent;
    }

    /**
     * After the answer: settles the request as {@link SessionSafety#settle} does, and checks that each Content-ID
     * reference of a request answered 2xx named the row the guard chose (else it is {@link #unproven}).
     */
    public List<CreatedRow> settle(Prepared prepared, RecordedExchange exchange) {
        List<CreatedRow> created = safety.settle(prepared, exchange);
        String contentId = declaring.get(prepared);
        if (contentId != null) {
            answers.put(contentId, exchange);
        }
        Set<String> used = referencing.getOrDefault(prepared, Set.of());
        if (succeeded(exchange)) {
            used.forEach(this::prove);
        }
        return created;
    }

    /**
     * The references that reached the target but cannot be proven to have named the row the guard chose; the batch
     * fails on any of them. The rows the guard chose are the run's and are cleaned up; a row only the answer names
     * is left alone, since nothing proves it is the run's.
     */
    public List<Unproven> unproven() {
        return List.copyOf(unproven);
    }

    private void prove(String contentId) {
        RowId row = declared.get(contentId);
        RecordedExchange answer = answers.get(contentId);
        String reference = "$" + contentId;
        String expected = "the create with Content-ID " + contentId + " answered 2xx with OData-EntityId naming "
                + row.path() + ", the row the guard chose";
        if (answer == null || !succeeded(answer)) {
            unproven.add(new Unproven(reference, expected, answer == null ? "no answer to that create"
                    : "that create answered " + answer.statusLine(), answer));
            return;
        }
        List<String> named = namedRows(answer);
        String other = named.stream().filter(path -> !path.equalsIgnoreCase(row.path())).findFirst().orElse(null);
        if (named.isEmpty() || other != null) {
            unproven.add(new Unproven(reference, expected, named.isEmpty() ? "an answer naming no row (no "
                    + "OData-EntityId)" : "OData-EntityId or Location naming " + other, answer));
        }
    }

    /** {@code set(id)} of each header by which a create's answer names its row (OData-EntityId, Location). */
    private static List<String> namedRows(RecordedExchange answer) {
        List<String> named = new ArrayList<>();
        for (String header : List.of("OData-EntityId", "Location")) {
            String value = answer.responseHeader(header);
            Matcher m = value == null ? null : ENTITY_ID.matcher(value);
            if (m != null && m.find()) {
                named.add(m.group(1) + "(" + m.group(2) + ")");
            } else if (value != null) {
                named.add(value); // a header naming no row the guard can read is no proof either
            }
        }
        return named;
    }

    private String resolve(String reference, String method, String written, Set<String> used) {
        String contentId = reference.substring(1);
        if (!changeSet) {
            throw refusal(method, written, "'" + reference + "' is a Content-ID reference outside a change set, where "
                    + "it names no row the guard can check");
        }
        if (!declared.containsKey(contentId)) {
            throw refusal(method, written, "the guard cannot tell which row the Content-ID reference '" + reference
                    + "' names: no earlier request of the change set has Content-ID " + contentId + " (a reference "
                    + "names only a request before it, in the same change set)");
        }
        RowId row = declared.get(contentId);
        if (row == null) {
            throw refusal(method, written, "the Content-ID reference '" + reference + "' names the request with "
                    + "Content-ID " + contentId + ", which creates no row with an id the guard chose, so the guard "
                    + "cannot tell which row it names");
        }
        used.add(contentId);
        return url(row);
    }

    /** A reference value the guard resolved, written back as the author wrote it. */
    private String writtenBack(String value, Set<String> used) {
        for (String contentId : used) {
            if (value.equals(url(declared.get(contentId)))) {
                return "$" + contentId;
            }
        }
        return value;
    }

    private String url(RowId row) {
        return serviceRoot + "/" + row.entitySet() + "(" + row.id() + ")";
    }

    private Refusal refusal(String method, String written, String why) {
        return new Refusal(method, written, guard.target(), why);
    }

    private static int firstOf(String text, char a, char b) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                end = i;
                break;
            }
        }
        return end;
    }

    private static boolean succeeded(RecordedExchange exchange) {
        return exchange.status() >= 200 && exchange.status() < 300;
    }
}

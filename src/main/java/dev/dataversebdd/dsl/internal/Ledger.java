package dev.dataversebdd.dsl.internal;

import dev.dataversebdd.report.RecordedExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every row and link a session created, in order, so that closing the session can undo them: links to rows the
 * session did not create are removed first, then rows are deleted newest first. A row already gone (removed by
 * a cascade) is fine; any other failure is reported, never swallowed.
 */
public final class Ledger {

    /** A row this session created. */
    public record Entry(String entitySet, UUID id, String description) {
        String path() {
            return entitySet + "(" + id + ")";
        }
    }

    /** A link this session created through a collection-valued ({@code $ref} POST) or single-valued property. */
    public record Link(String sourceSet, UUID sourceId, String navigation, boolean collection, String targetSet,
                       UUID targetId) {
    }

    private final Map<UUID, Entry> rows = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    public synchronized void row(String entitySet, UUID id, String description) {
        rows.putIfAbsent(id, new Entry(entitySet, id, description));
    }

    public synchronized void link(Link link) {
        links.add(link);
    }

    public synchronized boolean owns(UUID id) {
        return rows.containsKey(id);
    }

    public synchronized List<Entry> rows() {
        return List.copyOf(rows.values());
    }

    public synchronized void forget(UUID id) {
        rows.remove(id);
    }

    /**
     * Undoes the session's work through {@code channel}.
     *
     * @return one line per failure (empty when everything was removed)
     */
    public List<String> cleanUp(HttpChannel channel) {
        List<Link> ownLinks;
        List<Entry> ownRows;
        synchronized (this) {
            ownLinks = new ArrayList<>(links);
            ownRows = new ArrayList<>(rows.values());
            links.clear();
            rows.clear();
        }
        Set<UUID> owned = new java.util.HashSet<>();
        ownRows.forEach(r -> owned.add(r.id()));
        List<String> problems = new ArrayList<>();
        for (int i = ownLinks.size() - 1; i >= 0; i--) {
            Link link = ownLinks.get(i);
            if (owned.contains(link.sourceId()) && owned.contains(link.targetId())) {
                continue; // deleting the rows removes the link with them
            }
            String path = link.sourceSet() + "(" + link.sourceId() + ")/" + link.navigation()
                    + (link.collection() ? "(" + link.targetId() + ")" : "") + "/$ref";
            RecordedExchange exchange = channel.fetch("DELETE", path, Map.of(), null);
            if (exchange.status() != 204 && exchange.status() != 404) {
                problems.add("could not remove link " + path + ": " + exchange.statusLine());
            }
        }
        for (int i = ownRows.size() - 1; i >= 0; i--) {
            Entry row = ownRows.get(i);
            RecordedExchange exchange = channel.fetch("DELETE", row.path(), Map.of(), null);
            if (exchange.status() != 204 && exchange.status() != 404) {
                problems.add("could not delete " + row.description() + " (" + row.path() + "): " + exchange.statusLine()
                        + DataverseError.parse(exchange.responseBody()).map(e -> " " + e.code() + " " + e.message())
                        .orElse(""));
            }
        }
        return problems;
    }
}

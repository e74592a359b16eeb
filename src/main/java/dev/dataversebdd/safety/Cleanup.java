package dev.dataversebdd.safety;

import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ErrorBody;
import dev.dataversebdd.wire.HttpChannel;
import dev.dataversebdd.wire.WaitedTooLong;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Undoes a session's (or a killed run's) work: first every foreign lookup the run changed is put back to its
 * before-image and checked; then the run's rows are deleted newest first, each only after a {@link CascadeWalk}
 * finds no foreign row below it. A row whose delete would reach a foreign row is <em>not</em> deleted: it is
 * reported and stays in the ledger for the sweep. A row already gone is fine; every other failure is reported.
 */
final class Cleanup {

    /** What to undo. */
    record Work(List<RowId> rows, List<BeforeImage> beforeImages) {
    }

    /** Where each step is recorded (a session's ownership, or a ledger being swept), and how rows are named. */
    interface Record {
        void restored(BeforeImage image);

        void deleted(RowId row);

        String describe(RowId row);
    }

    private final Reads reads;
    private final HttpChannel channel;
    private final boolean protectForeignRows;

    Cleanup(Reads reads, HttpChannel channel, boolean protectForeignRows) {
        this.reads = reads;
        this.channel = channel;
        this.protectForeignRows = protectForeignRows;
    }

    /**
     * Each step goes through the run's pacing, so it waits out the org's penalties within the run's maximum wait. Once
     * a wait would pass it the org will not take more now: the steps still to do are not tried, each is listed as left
     * for the ledger's sweep, which the session's message names.
     *
     * @return one line per thing left undone (empty when everything was undone)
     */
    List<String> run(Work work, Record record) {
        List<String> problems = new ArrayList<>();
        List<BeforeImage> images = new ArrayList<>(work.beforeImages());
        Collections.reverse(images);
        List<RowId> rows = new ArrayList<>(work.rows());
        Collections.reverse(rows);
        Set<UUID> remaining = rows.stream().map(RowId::id).collect(Collectors.toCollection(HashSet::new));
        int restored = 0;
        try {
            for (; restored < images.size(); restored++) {
                restore(images.get(restored), record, problems);
            }
            Predicate<UUID> owned = remaining::contains;
            List<String> firstPass = new ArrayList<>();
            List<RowId> left = deleteAll(rows, owned, remaining, record, firstPass);
            if (!left.isEmpty() && left.size() < rows.size()) {
                // A row can be refused while an older row of the run still hangs on it in a way no delete cascades
                // over (Dataverse refuses to delete a team that owns rows): once the others are gone, each is tried
                // again.
                deleteAll(left, owned, remaining, record, problems);
            } else {
                problems.addAll(firstPass);
            }
        } catch (WaitedTooLong throttled) {
            problems.add("stopped: " + throttled.getMessage());
            images.subList(restored, images.size()).forEach(image -> problems.add("left for the sweep: restore "
                    + image.describe()));
            rows.stream().filter(row -> remaining.contains(row.id())).forEach(row -> problems.add("left for the "
                    + "sweep: delete " + record.describe(row) + " (" + row.path() + ")"));
        }
        return problems;
    }

    /** Deletes {@code rows} in order; returns those left, with one line each in {@code problems}. */
    private List<RowId> deleteAll(List<RowId> rows, Predicate<UUID> owned, Set<UUID> remaining, Record record,
                                  List<String> problems) {
        List<RowId> left = new ArrayList<>();
        for (RowId row : rows) {
            if (delete(row, owned, record, problems)) {
                remaining.remove(row.id());
            } else {
                left.add(row);
            }
        }
        return left;
    }

    private void restore(BeforeImage image, Record record, List<String> problems) {
        try {
            Reads.LookupValue now = reads.lookup(image.row(), image.lookupProperty());
            if (!matches(now, image)) {
                RecordedExchange exchange = image.target() == null
                        ? channel.fetch("DELETE", image.row().path() + "/" + now.navigation() + "/$ref", Map.of(), null)
                        : channel.fetch("PUT", image.row().path() + "/" + image.navigation() + "/$ref", Map.of(),
                        "{\"@odata.id\":\"" + channel.serviceRoot() + "/" + image.target().path() + "\"}");
                if (exchange.status() != 204) {
                    problems.add("could not restore " + image.describe() + ": " + answer(exchange));
                    return;
                }
                if (!matches(reads.lookup(image.row(), image.lookupProperty()), image)) {
                    problems.add("restored " + image.describe() + ", but reading it back shows another value");
                    return;
                }
            }
            record.restored(image);
        } catch (Reads.Unanswered e) {
            problems.add("could not restore " + image.describe() + ": " + e.getMessage());
        }
    }

    private static boolean matches(Reads.LookupValue now, BeforeImage image) {
        return now == null ? image.target() == null
                : image.target() != null && Objects.equals(now.target().id(), image.target().id());
    }

    private boolean delete(RowId row, Predicate<UUID> owned, Record record, List<String> problems) {
        if (protectForeignRows) {
            try {
                List<CascadeWalk.Blocker> blockers = new CascadeWalk(reads).blockers(row, owned);
                if (!blockers.isEmpty()) {
                    problems.add("did not delete " + record.describe(row) + " (" + row.path() + "): it would take rows the run did not "
                            + "create with it: " + blockers.stream().map(CascadeWalk.Blocker::describe)
                            .collect(Collectors.joining(", ")) + "; left for the sweep");
                    return false;
                }
            } catch (Reads.Unanswered e) {
                problems.add("did not delete " + record.describe(row) + " (" + row.path() + "): " + e.getMessage() + "; left for the sweep");
                return false;
            }
        }
        RecordedExchange exchange = channel.fetch("DELETE", row.path(), Map.of(), null);
        if (exchange.status() == 204 || exchange.status() == 404) {
            record.deleted(row);
            return true;
        }
        problems.add("could not delete " + record.describe(row) + " (" + row.path() + "): " + answer(exchange));
        return false;
    }

    private static String answer(RecordedExchange exchange) {
        return exchange.statusLine() + ErrorBody.parse(exchange.responseBody())
                .map(e -> " " + e.code() + " " + e.message()).orElse("");
    }
}

package dev.dataversebdd.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.safety.RowId;
import dev.dataversebdd.safety.RunLedger;
import dev.dataversebdd.safety.RunSweep;
import dev.dataversebdd.wire.ClientSchema;
import dev.dataversebdd.wire.HttpChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds and deletes what killed runs left behind: rows whose primary name starts with a run tag
 * ({@code dvbdd-20261122T031500Z-4f2a Contoso}) older than a given age. A dry run only lists them.
 *
 * <pre>{@code
 * Sweep.Report report = new Sweep(dataverse).olderThan(Duration.ofHours(2)).dryRun(true).run();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Sweep {

    /** One leftover row and what the sweep did with it. */
    public record Leftover(String table, String entitySet, String id, String name, Instant runStarted, String result) {
    }

    /** What the sweep found, in the order found. */
    public record Report(List<Leftover> leftovers, List<String> problems) {
    }

    /** What finishing one run's cleanup did (or, in a dry run, would do), and what it left undone. */
    public record RunReport(String runId, List<String> done, List<String> problems) {
    }

    private static final Pattern TAG = Pattern.compile("^(" + RunTags.PREFIX
            + "(\\d{8}T\\d{6}Z)-[0-9a-f]+) ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dataverse dataverse;
    private final HttpChannel channel;
    private Duration olderThan = Duration.ofHours(2);
    private boolean dryRun = true;
    private List<String> tables = List.of();

    public Sweep(Dataverse dataverse) {
        this.dataverse = dataverse;
        this.channel = dataverse.channel(exchange -> { });
    }

    /** Only rows of runs that started longer ago than this (default 2 hours), so running runs are left alone. */
    public Sweep olderThan(Duration age) {
        this.olderThan = age;
        return this;
    }

    /** List, do not delete (default true). */
    public Sweep dryRun(boolean listOnly) {
        this.dryRun = listOnly;
        return this;
    }

    /** Only these tables (logical names or entity sets); default every table with a primary name column. */
    public Sweep tables(List<String> names) {
        this.tables = List.copyOf(names);
        return this;
    }

    /**
     * Finishes the cleanup of run {@code runId} from its write-ahead ledger (in {@code dataverse.ledger-dir}): puts
     * back what it changed on existing rows and deletes what it proved it created, untagged rows included. Honours
     * {@link #dryRun}; refuses a run that is still alive.
     */
    public RunReport finishRun(String runId) {
        Path folder = dataverse.target().runLedgerFolder().orElseThrow(() -> new IllegalStateException(
                dataverse.target().description() + " keeps no run ledgers: a run's cleanup is finished on the live org "
                + "it ran against, with that run's settings (DATAVERSE_TARGET=live, DATAVERSE_URL, credentials)"));
        RunSweep.Report report = RunSweep.finish(dataverse.schema(), channel, RunSweep.ledgerOf(folder, runId), dryRun);
        return new RunReport(report.runId(), report.done(), report.problems());
    }

    public Report run() {
        ClientSchema schema = dataverse.schema();
        List<String> names = tables.isEmpty() ? schema.tableNames() : tables;
        Instant cutoff = Instant.now().minus(olderThan);
        List<Leftover> leftovers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            ClientSchema.Table table = schema.table(name).orElseThrow(() -> new IllegalArgumentException(
                    "the target has no table '" + name + "'"));
            if (table.primaryNameColumn().isEmpty()) {
                continue;
            }
            String column = table.primaryNameColumn().get();
            RecordedExchange list = channel.fetch("GET", table.entitySet() + "?$select=" + table.primaryKey() + ","
                    + column + "&$filter=startswith(" + column + ",'" + RunTags.PREFIX + "')", Map.of(), null);
            if (list.status() != 200) {
                problems.add("could not list " + table.entitySet() + ": " + list.statusLine());
                continue;
            }
            JsonNode listed = rows(list);
            if (listed == null) {
                problems.add("could not read the listing of " + table.entitySet() + ": the answer is not JSON");
                continue;
            }
            for (JsonNode row : listed) {
                String rowName = row.path(column).asText("");
                Matcher tag = TAG.matcher(rowName);
                Instant started = tag.find() ? parse(tag.group(2)) : null;
                if (started == null || started.isAfter(cutoff) || isAlive(tag.group(1))) {
                    continue;
                }
                String id = row.path(table.primaryKey()).asText();
                leftovers.add(new Leftover(table.logicalName(), table.entitySet(), id, rowName, started, "would delete"));
            }
        }
        if (!dryRun && !leftovers.isEmpty()) {
            leftovers = delete(leftovers, problems);
        }
        return new Report(List.copyOf(leftovers), List.copyOf(problems));
    }

    /** Deletes the leftovers, none of them while a row that is not a leftover hangs below it (cascade). */
    private List<Leftover> delete(List<Leftover> leftovers, List<String> problems) {
        List<RowId> rows = leftovers.stream().map(l -> new RowId(l.table(), l.entitySet(), UUID.fromString(l.id())))
                .toList();
        Map<UUID, String> results = RunSweep.deleteTagged(dataverse.schema(), channel, rows, problems);
        return leftovers.stream().map(l -> new Leftover(l.table(), l.entitySet(), l.id(), l.name(), l.runStarted(),
                results.get(UUID.fromString(l.id())))).toList();
    }

    /** A run whose ledger on this machine is still locked is going on, however old its tag. */
    private boolean isAlive(String runId) {
        return dataverse.target().runLedgerFolder().map(folder -> RunLedger.isAlive(folder, runId)).orElse(false);
    }

    /** The listed rows, or null when the answer cannot be read: that is a problem, never "no leftovers". */
    private static JsonNode rows(RecordedExchange list) {
        try {
            JsonNode value = JSON.readTree(list.responseBody()).path("value");
            return value.isArray() ? value : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant parse(String time) {
        try {
            return LocalDateTime.parse(time, RunTags.TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

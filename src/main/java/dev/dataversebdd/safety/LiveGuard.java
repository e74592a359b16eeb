package dev.dataversebdd.safety;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataversebdd.report.RecordedExchange;
import dev.dataversebdd.wire.ClientSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules of a live run, applied to every write before it is sent:
 * <ul>
 *   <li>a row is the run's own only when the run's own request created it, with an id known before sending;</li>
 *   <li>rows named in {@code dataverse.existing-rows} may be linked to and unlinked from the run's own rows, after
 *       their lookup's before-image is recorded; nothing else of theirs may change;</li>
 *   <li>any other row may be read, never written, linked or named in a write;</li>
 *   <li>a delete must not reach a foreign row along any one-to-many relationship;</li>
 *   <li>whatever cannot be read or checked is refused (fail closed).</li>
 * </ul>
 */
final class LiveGuard {

    private static final String ROOT_ROLE = "_parentrootroleid_value";

    private final EffectReader reader;
    private final Reads reads;
    private final Ownership ownership;
    private final CascadeWalk cascade;
    private final String target;
    private final RowLabels labels;

    /** @param labels how the scenario names a row ({@code opportunity "Their deal"}) */
    LiveGuard(EffectReader reader, Reads reads, Ownership ownership, String target, RowLabels labels) {
        this.reader = reader;
        this.reads = reads;
        this.ownership = ownership;
        this.cascade = new CascadeWalk(reads);
        this.target = target;
        this.labels = labels;
    }

    /** The target, as refusals name it. */
    String target() {
        return target;
    }

    /** Checks one write and writes its creates ahead to the ledger; throws {@link Refusal} to stop it. */
    Prepared prepare(String method, String written, Map<String, String> headers, String body) {
        EffectReader.Reading reading;
        try {
            reading = reader.read(method, written, headers, body);
            Set<UUID> creating = new HashSet<>();
            reading.effects().stream().filter(Effect.Creates.class::isInstance)
                    .forEach(e -> creating.add(((Effect.Creates) e).row().id()));
            for (Effect effect : reading.effects()) {
                check(effect, creating);
            }
        } catch (AddressParser.Unreadable e) {
            throw new Refusal(method, written, target, "the guard cannot tell which rows it would touch: "
                    + e.getMessage());
        } catch (Reads.Unanswered e) {
            throw new Refusal(method, written, target, "the guard " + e.getMessage() + ", so it cannot prove the "
                    + "request safe");
        } catch (Breach e) {
            throw new Refusal(method, written, target, e.getMessage());
        }
        List<Effect.Creates> creates = new ArrayList<>();
        List<RowId> deletes = new ArrayList<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Effect effect : reading.effects()) {
            if (effect instanceof Effect.Creates create) {
                ownership.intend(create.row(), create.proof());
                creates.add(create);
                nameIn(create.row(), reading.createdBodies().get(create.row().id())).ifPresent(name -> names.put(
                        create.row().id(), name));
            } else if (effect instanceof Effect.Deletes delete) {
                deletes.add(delete.row());
            }
        }
        return new Prepared(method, written, reading.headers(), reading.body(), creates, deletes, names,
                reading.chosenRow());
    }

    /**
     * Checks the headers of a request whose parts are checked one by one ({@code $batch}): the user it acts on
     * behalf of must be one the run may use. Throws {@link Refusal} to stop it.
     */
    void checkCaller(String method, String written, Map<String, String> headers) {
        try {
            for (Effect uses : Impersonation.of(headers, reads)) {
                check(uses, Set.of());
            }
        } catch (AddressParser.Unreadable e) {
            throw new Refusal(method, written, target, "the guard cannot tell who it acts as: " + e.getMessage());
        } catch (Reads.Unanswered e) {
            throw new Refusal(method, written, target, "the guard " + e.getMessage() + ", so it cannot prove the "
                    + "request safe");
        } catch (Breach e) {
            throw new Refusal(method, written, target, e.getMessage());
        }
    }

    /** The value of the primary name column in the JSON object that creates {@code row}: how its body names it. */
    private Optional<String> nameIn(RowId row, JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        return reads.table(row).primaryNameColumn().map(column -> body.path(column).asText(null));
    }

    /** After the answer: confirms the rows a 2xx created, forgets those a definite refusal did not. */
    List<CreatedRow> settle(Prepared prepared, RecordedExchange exchange) {
        List<CreatedRow> created = new ArrayList<>();
        boolean succeeded = exchange.status() >= 200 && exchange.status() < 300;
        boolean refused = exchange.status() >= 400 && exchange.status() < 500;
        for (Effect.Creates create : prepared.createEffects()) {
            if (succeeded) {
                ownership.confirm(create.row());
                created.add(new CreatedRow(create.row(), prepared.nameOf(create.row().id())));
            } else if (refused || create.proof() == Effect.Proof.AUTHOR_ID) {
                ownership.abandon(create.row()); // an author's id that the target refused is not the run's
            }
        }
        if (succeeded) {
            prepared.deletes().forEach(ownership::gone);
        }
        return created;
    }

    private void check(Effect effect, Set<UUID> creating) throws Reads.Unanswered, Breach {
        if (effect instanceof Effect.Uses uses) {
            requireUsable(uses.row(), creating, "names it in " + uses.where());
        } else if (effect instanceof Effect.Changes changes) {
            if (!owned(changes.row(), creating) && !ownership.isKnownAbsent(changes.row().id())) {
                throw new Breach("it changes " + describe(changes.row()) + " (" + changes.what() + "), and a run "
                        + "changes only rows it created" + existingNote(changes.row()));
            }
        } else if (effect instanceof Effect.Deletes deletes) {
            checkDelete(deletes.row(), creating);
        } else if (effect instanceof Effect.Pairs pairs) {
            boolean aOwned = owned(pairs.a(), creating);
            boolean bOwned = owned(pairs.b(), creating);
            if (!aOwned && !bOwned) {
                throw new Breach("it links or unlinks " + describe(pairs.a()) + " and " + describe(pairs.b())
                        + " through " + pairs.navigation() + ", and a run links only rows of its own to others");
            }
            requireUsable(aOwned ? pairs.b() : pairs.a(), creating, "links it through " + pairs.navigation());
        } else if (effect instanceof Effect.SetsLookup sets) {
            checkLookup(sets, creating);
        }
    }

    private void checkDelete(RowId row, Set<UUID> creating) throws Reads.Unanswered, Breach {
        if (ownership.isKnownAbsent(row.id())) {
            return;
        }
        if (!owned(row, creating)) {
            throw new Breach("it deletes " + describe(row) + ", and a run deletes only rows it created"
                    + (ownership.isExisting(row.id()) ? " (rows in dataverse.existing-rows are used, never deleted)" : ""));
        }
        List<CascadeWalk.Blocker> blockers = cascade.blockers(row, ownership::owns);
        if (!blockers.isEmpty()) {
            throw new Breach("deleting " + row + " would reach rows the run did not create: "
                    + blockers.stream().map(CascadeWalk.Blocker::describe).collect(Collectors.joining(", "))
                    + "; unlink them first");
        }
    }

    /**
     * A lookup of the run's own row may point anywhere the run may use. A lookup of an existing row may only be
     * pointed at a row of the run, or cleared while it points at one; its first value is recorded for cleanup.
     */
    private void checkLookup(Effect.SetsLookup sets, Set<UUID> creating) throws Reads.Unanswered, Breach {
        RowId row = sets.row();
        if (owned(row, creating) || ownership.isKnownAbsent(row.id())) {
            if (sets.target() != null) {
                requireUsable(sets.target(), creating, "sets " + sets.navigation() + " of " + row + " to it");
            }
            return;
        }
        if (!sets.clears() && sets.target() == null) {
            return; // the reference names no row: the target refuses the request and changes nothing
        }
        if (!ownership.isExisting(row.id())) {
            throw new Breach("it changes " + sets.navigation() + " of " + describe(row) + ", a row the run did not "
                    + "create and that is not listed in dataverse.existing-rows");
        }
        ClientSchema.Navigation nav = reads.table(row).navigation(sets.navigation()).orElseThrow();
        Reads.LookupValue now = reads.lookup(row, nav.lookupProperty());
        if (sets.clears()) {
            if (now != null && !owned(now.target(), creating)) {
                throw new Breach("it would unlink " + describe(row) + " from " + describe(now.target())
                        + ", which the run did not create; a run only undoes links to its own rows");
            }
        } else if (!owned(sets.target(), creating)) {
            throw new Breach("it would point " + sets.navigation() + " of " + describe(row) + " at "
                    + describe(sets.target()) + "; an existing row may be linked only to rows the run created");
        }
        if (!ownership.hasBeforeImage(row, nav.lookupProperty())) {
            ownership.beforeImage(new BeforeImage(row, nav.lookupProperty(), now == null ? null : now.navigation(),
                    now == null ? null : now.target()));
        }
    }

    private void requireUsable(RowId row, Set<UUID> creating, String how) throws Breach, Reads.Unanswered {
        if (owned(row, creating) || ownership.isExisting(row.id()) || ownership.isKnownAbsent(row.id())) {
            return;
        }
        throw new Breach("it " + how + ", but " + row + " was not created by this scenario and is not listed in "
                + "dataverse.existing-rows");
    }

    private boolean owned(RowId row, Set<UUID> creating) throws Reads.Unanswered {
        return creating.contains(row.id()) || ownership.owns(row.id()) || isCopyOfOwnedRole(row, creating);
    }

    /**
     * A role the run did not create whose {@code parentrootroleid} is a role it did: the copy Dataverse made of the
     * run's role in a business unit beneath it, which goes when that role goes.
     */
    private boolean isCopyOfOwnedRole(RowId row, Set<UUID> creating) throws Reads.Unanswered {
        if (!row.table().equals("role") || !reads.table(row).columns().contains(ROOT_ROLE)) {
            return false;
        }
        String root = reads.row(row.path() + "?$select=" + ROOT_ROLE, "read the role " + row + " is a copy of")
                .map(json -> json.path(ROOT_ROLE).asText(null)).orElse(null);
        return root != null && (creating.contains(UUID.fromString(root)) || ownership.owns(UUID.fromString(root)));
    }

    private String describe(RowId row) {
        String named = labels.of(row.id()).map(label -> label + " " + row.id()).orElse(row.toString());
        return ownership.isExisting(row.id()) ? "existing " + named : ownership.owns(row.id()) ? "the run's " + named
                : "foreign " + named;
    }

    private String existingNote(RowId row) {
        return ownership.isExisting(row.id()) ? " (rows in dataverse.existing-rows may be linked to the run's rows, "
                + "never changed otherwise)" : "";
    }

    /** A rule the request breaks. */
    private static final class Breach extends Exception {
        private static final long serialVersionUID = 1L;

        Breach(String why) {
            super(why, null, false, false);
        }
    }
}

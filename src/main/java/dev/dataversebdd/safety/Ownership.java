package dev.dataversebdd.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one session knows about the rows it touches: the rows it created (proven by its own requests), the org rows
 * the user named in {@code dataverse.existing-rows} (foreign, but usable), ids known to name nothing, and the
 * before-image of every lookup of a foreign row it changed (the first one only: that is what cleanup restores).
 * On a live org every change is also written ahead to the run's {@link RunLedger}.
 */
final class Ownership {

    private final Map<UUID, RowId> owned = new LinkedHashMap<>();
    private final Map<UUID, RowId> existing;
    private final Set<UUID> absent = ConcurrentHashMap.newKeySet();
    private final Map<String, BeforeImage> beforeImages = new LinkedHashMap<>();
    private final RunLedger ledger;

    Ownership(Map<UUID, RowId> existing, RunLedger ledger) {
        this.existing = Map.copyOf(existing);
        this.ledger = ledger;
    }

    synchronized boolean owns(UUID id) {
        return owned.containsKey(id);
    }

    boolean isExisting(UUID id) {
        return existing.containsKey(id);
    }

    boolean isKnownAbsent(UUID id) {
        return absent.contains(id);
    }

    /** An id made up to name nothing ({@code {missing}}): requests may carry it safely. */
    void nameNothing(UUID id) {
        absent.add(id);
    }

    /** Written ahead before the request that creates {@code row} is sent. */
    synchronized void intend(RowId row, Effect.Proof proof) {
        if (ledger != null) {
            ledger.intendToCreate(row, proof);
        }
        owned.put(row.id(), row);
    }

    /** The target said the row was created. */
    synchronized void confirm(RowId row) {
        owned.put(row.id(), row);
        if (ledger != null) {
            ledger.created(row);
        }
    }

    /** The target said the create failed, so the row was not made. */
    synchronized void abandon(RowId row) {
        owned.remove(row.id());
        if (ledger != null) {
            ledger.notCreated(row);
        }
    }

    /** The row is gone (deleted by the scenario, by cleanup, or found gone). */
    synchronized void gone(RowId row) {
        if (owned.remove(row.id()) != null && ledger != null) {
            ledger.deleted(row);
        }
    }

    synchronized Optional<RowId> ownedRow(UUID id) {
        return Optional.ofNullable(owned.get(id));
    }

    /** Records the first before-image of this lookup; later ones are ignored (the first is the org's own state). */
    synchronized void beforeImage(BeforeImage image) {
        String slot = image.row().id() + " " + image.lookupProperty();
        if (!beforeImages.containsKey(slot)) {
            beforeImages.put(slot, image);
            if (ledger != null) {
                ledger.beforeImage(image);
            }
        }
    }

    synchronized boolean hasBeforeImage(RowId row, String lookupProperty) {
        return beforeImages.containsKey(row.id() + " " + lookupProperty);
    }

    synchronized void restored(BeforeImage image) {
        beforeImages.remove(image.row().id() + " " + image.lookupProperty());
        if (ledger != null) {
            ledger.restored(image);
        }
    }

    synchronized List<RowId> ownedRows() {
        return new ArrayList<>(owned.values());
    }

    synchronized List<BeforeImage> beforeImages() {
        return new ArrayList<>(beforeImages.values());
    }
}

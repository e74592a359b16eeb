package dev.dataversebdd.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/** Checks on the members of a collection-valued navigation property. */
@API(status = API.Status.STABLE, since = "0.1")
public final class CollectionCheck {
    private final ReadBack readBack;
    private final String navigation;
    private final List<UUID> ids;

    CollectionCheck(ReadBack readBack, String navigation, List<UUID> ids) {
        this.readBack = readBack;
        this.navigation = navigation;
        this.ids = List.copyOf(ids);
    }

    public CollectionCheck contains(RowRef... rows) {
        for (RowRef expected : rows) {
            if (!ids.contains(expected.id())) {
                throw readBack.fail(navigation + " containing " + expected.describe(), actual(), sentence());
            }
        }
        return this;
    }

    public CollectionCheck doesNotContain(RowRef... rows) {
        for (RowRef unexpected : rows) {
            if (ids.contains(unexpected.id())) {
                throw readBack.fail(navigation + " without " + unexpected.describe(), actual(), sentence());
            }
        }
        return this;
    }

    /** Exactly these rows, in this order (read with {@link RowExpectations#collectionOrderedBy(String, String)}). */
    public CollectionCheck are(RowRef... rows) {
        List<UUID> expected = Arrays.stream(rows).map(RowRef::id).toList();
        if (!ids.equals(expected)) {
            throw readBack.fail(navigation + ": " + Arrays.stream(rows).map(RowRef::describe).toList(), actual(),
                    sentence());
        }
        return this;
    }

    public CollectionCheck isEmpty() {
        if (!ids.isEmpty()) {
            throw readBack.fail(navigation + " empty", actual(), sentence());
        }
        return this;
    }

    public CollectionCheck hasSize(int size) {
        if (ids.size() != size) {
            throw readBack.fail(size + " rows in " + navigation, ids.size() + " rows: " + actual(), sentence());
        }
        return this;
    }

    public List<UUID> ids() {
        return ids;
    }

    private String actual() {
        return ids.isEmpty() ? "no rows" : ids.stream().map(readBack::describe).toList().toString();
    }

    private String sentence() {
        return "check " + navigation + " of " + readBack.row().describe();
    }
}

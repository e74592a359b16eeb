package dev.dataversebdd.emulator.core.batch;

import java.util.List;
import org.apiguardian.api.API;

/** What a batch holds at its top level: a request on its own, or a change set run all or nothing. */
@API(status = API.Status.INTERNAL, since = "0.2")
public sealed interface BatchItem {

    /** A request outside any change set. */
    record Single(PartRequest request) implements BatchItem {
    }

    /** Requests that succeed or fail together; only they may reference each other by Content-ID. */
    record ChangeSet(List<PartRequest> requests) implements BatchItem {
        public ChangeSet {
            requests = List.copyOf(requests);
        }
    }
}

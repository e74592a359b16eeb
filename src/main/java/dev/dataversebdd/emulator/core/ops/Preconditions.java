package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.EmulatorRequest;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.state.Row;

/** {@code If-Match} and {@code If-None-Match} as Dataverse applies them to writes (D9). */
final class Preconditions {

    private Preconditions() {
    }

    /** {@code *} matches any existing row; a weak ETag must equal the row's current one. */
    static void requireIfMatch(Row row, EmulatorRequest request) {
        String ifMatch = request.header("If-Match");
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return;
        }
        if (!ifMatch.trim().equals(row.etag())) {
            throw Errors.etagMismatch();
        }
    }

    /** {@code If-None-Match: *} refuses to touch an existing row; the customary {@code null} value is ignored. */
    static void requireIfNoneMatch(Row row, EmulatorRequest request) {
        String ifNoneMatch = request.header("If-None-Match");
        if (row != null && ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            throw Errors.recordExists();
        }
    }

    /**
     * A GET with {@code If-None-Match: <etag>} whose copy is current: answered 304 (D9). Never with {@code $expand}:
     * the ETag covers the row, not the related rows an expansion returns.
     */
    static boolean isNotModified(Row row, EmulatorRequest request, boolean expanded) {
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch == null || expanded) {
            return false;
        }
        for (String etag : ifNoneMatch.split(",")) {
            if (etag.trim().equals(row.etag())) {
                return true;
            }
        }
        return false;
    }
}

package dev.dataversebdd.emulator.core;

import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Every place where Dataverse's sources conflict or are silent (CONFLICT / INF, see src/site/markdown/sources.md), as a named
 * switch with its possible modes. The first mode of each switch is the default: the documented behaviour where
 * there is one. Names are kebab-case so that the same words work from Java,
 * the command line ({@code --behaviour relative-odata-id=accept}) and per request (header
 * {@code X-Emulator-Behaviour}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Behaviour {

    /** [CONFLICT]: D2 (2022) requires absolute {@code @odata.id}; D1 (2021) showed a relative one working. */
    RELATIVE_ODATA_ID("relative-odata-id", "D1, D2", "CONFLICT", "reject", "accept"),
    /** [CONFLICT]: D1/D2 document {@code nav@odata.bind: null} as clearing; I3 saw 400, I5 saw it ignored. */
    BIND_NULL("bind-null", "D1, D2, I3, I4, I5", "CONFLICT", "clears", "rejected", "ignored"),
    /** [CONFLICT]: D1 documents the activity-party PUT; D2 withdrew it; I2 saw 400. */
    ACTIVITY_PARTY_PUT("activity-party-put", "D1, D2, I2", "CONFLICT", "replace-all", "replace-present-types", "rejected"),
    /** [INF]: disassociating rows that exist but are not related. */
    DISASSOCIATE_UNRELATED("disassociate-unrelated", "D1, D2", "INF", "no-op", "not-found"),
    /** [INF]: {@code DELETE coll/$ref} with neither {@code $id} nor key: 400 (OData 4.0) or remove all (4.01). */
    DELETE_REF_WITHOUT_ID("delete-ref-without-id", "O1, O2", "INF", "reject", "remove-all"),
    /** [INF]: status for an N:N pair that exists already (D5 maps DuplicateRecord to 412). */
    DUPLICATE_ASSOCIATION("duplicate-association", "D5, I9", "INF", "412", "400", "no-op"),
    /** [CONFLICT]: error code for an unknown segment, 0x80060888 (2024) or 0x8006088a (2023). */
    UNKNOWN_SEGMENT_CODE("unknown-segment-code", "D16, D20", "CONFLICT", "0x80060888", "0x8006088a"),
    /**
     * [CONFLICT]: the rights an N:N associate or disassociate needs: Append on both rows (S2), AppendTo on the URL's
     * row and Append on the referenced one (S3's "Associate: Append and AppendTo"), or both rights on both rows.
     */
    SECURITY_NN_ASSOCIATE("security-nn-associate", "S2, S3", "CONFLICT", "append-both",
            "appendto-target+append-related", "append+appendto-both"),
    /** [INF]: clearing a lookup (or a 1:N disassociate) needs Write and Append on the row that holds it, or Write. */
    SECURITY_LOOKUP_CLEAR("security-lookup-clear", "S3", "INF", "write+append", "write-only"),
    /** [CONFLICT]: while impersonating, both users must hold the privilege (S7), or only the impersonated one. */
    SECURITY_IMPERSONATION_PRIVILEGES("security-impersonation-privileges", "S7", "CONFLICT", "intersection",
            "impersonated-only"),
    /** [INF]: a row the user holds Read for but cannot reach answers 403 0x80048306, or 404 as if it were absent. */
    SECURITY_RETRIEVE_INACCESSIBLE("security-retrieve-inaccessible", "S1, S6", "INF", "403", "404"),
    /** [INF]: a list of a table the user holds no Read privilege on answers 403 0x80040220, or an empty list. */
    SECURITY_LIST_NO_PRIVILEGE("security-list-no-privilege", "S1, S5", "INF", "error-403", "empty"),
    /**
     * [DOC], an org setting: with classic business units a user or team holds only roles of their own unit
     * (0x80041409); with modernized ones ("record ownership across business units") a role of any unit.
     */
    SECURITY_MODERNIZED_BU("security-modernized-bu", "S2, S6", "DOC", "off", "on");

    private final String key;
    private final String section;
    private final String provenance;
    private final List<String> modes;

    Behaviour(String key, String section, String provenance, String... modes) {
        this.key = key;
        this.section = section;
        this.provenance = provenance;
        this.modes = List.of(modes);
    }

    public String key() {
        return key;
    }

    /** The sources behind it (ids of src/site/markdown/sources.md). */
    public String section() {
        return section;
    }

    /** {@code CONFLICT} or {@code INF}. */
    public String provenance() {
        return provenance;
    }

    public List<String> modes() {
        return modes;
    }

    public String defaultMode() {
        return modes.get(0);
    }

    public static Behaviour byKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown behaviour '" + key + "'; known: "
                        + Arrays.stream(values()).map(Behaviour::key).toList()));
    }
}

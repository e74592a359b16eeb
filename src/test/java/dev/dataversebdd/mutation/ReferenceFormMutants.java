package dev.dataversebdd.mutation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutants that mishandle one form of row reference (D1, D2, D3, D10, D12, O2 §4.4), whatever the operation. */
final class ReferenceFormMutants {

    private static final Pattern BODY_REFERENCE = Pattern.compile("\"(?:@odata\\.id|[\\w.]+@odata\\.bind)\"\\s*:\\s*"
            + "(\"[^\"]*\"|\\[[^\\]]*\\])");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("/api/data/(v\\d+\\.\\d+)/");

    private ReferenceFormMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                refuse("form/upper-case-guid-not-found", "compares GUIDs case-sensitively: a reference with an "
                        + "upper-case GUID names no row", "O2 §4.4, D10: a key is a GUID, whatever its case",
                        reference -> Requests.GUID.matcher(reference).results().anyMatch(g -> !g.group().equals(
                                g.group().toLowerCase(java.util.Locale.ROOT))), 404, "0x80040217", "Entity Does Not Exist"),
                refuse("form/percent-encoded-id-rejected", "does not decode a percent-encoded $id",
                        "O2 §4.4, D10: $id is a URL, percent-encoded in the query like any value",
                        reference -> reference.contains("%3A") || reference.contains("%2F") || reference.contains("%28"),
                        400, "0x0", "Invalid $id"),
                refuse("form/alternate-key-not-resolved", "resolves references by primary key only: an alternate key "
                        + "names no row", "D12: a reference may name the row by an alternate key",
                        reference -> reference.matches(".*\\w+\\([^)@]*=[^)@]*\\).*"), 404, "0x80040217",
                        "Entity Does Not Exist"),
                refuse("form/other-api-version-rejected", "refuses a reference written under another API version "
                        + "than the request's", "D10 (step 8): an $id under another API version names the same row",
                        null, 400, "0x0", "The reference names another service"),
                refuse("form/absolute-rejected", "understands only relative references, refusing absolute URLs",
                        "D2: the @odata.id of a reference must be an absolute URL",
                        reference -> reference.startsWith("http"), 400, "0x0", "Invalid reference"),
                refuse("form/root-relative-bind-rejected", "refuses a bind written root-relative (\"/accounts(…)\")",
                        "D3: nav@odata.bind takes /accounts(00000000-…) as its examples write it",
                        reference -> reference.startsWith("/"), 400, "0x0", "Invalid reference"),
                new Mutant("form/older-api-versions-missing", "serves only v9.2: v9.0 and v8.x paths answer 404",
                        "D14: earlier versions of the Web API stay available at their own paths",
                        call -> call.path().matches(".*/api/data/v(8\\.\\d|9\\.[01])/.*"),
                        k -> (call, emulator) -> Answer.error(404, "0x80060888", "Resource not found for the segment "
                                + "in the path")));
    }

    /**
     * A mutant that answers {@code status} and {@code code} to any request with a reference {@code form} accepts; a
     * null {@code form} refuses references under another API version than the request's own path.
     */
    private static Mutant refuse(String id, String deviation, String documented, Predicate<String> form, int status,
                                 String code, String message) {
        Predicate<Call> touches = call -> {
            List<String> references = references(call);
            if (form != null) {
                return references.stream().anyMatch(form);
            }
            Matcher own = VERSION.matcher(call.path());
            return own.find() && references.stream().map(VERSION::matcher).anyMatch(m -> m.find()
                    && !m.group(1).equals(own.group(1)));
        };
        return new Mutant(id, deviation, documented, touches, k -> (call, emulator) -> Answer.error(status, code, message));
    }

    /** The row references a request carries: in its body, in its $id, and the keys of its path. */
    static List<String> references(Call call) {
        List<String> references = new ArrayList<>();
        Matcher body = BODY_REFERENCE.matcher(call.isBatch() ? "" : call.body());
        while (body.find()) {
            Matcher quoted = QUOTED.matcher(body.group(1));
            while (quoted.find()) {
                references.add(quoted.group(1));
            }
        }
        int id = call.target().indexOf("$id=");
        if (id >= 0) {
            String raw = call.target().substring(id + 4).replaceAll("&.*", "");
            references.add(raw);
            if (raw.contains("%")) {
                references.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            }
        }
        Matcher keys = Pattern.compile("\\w+\\([^)]*\\)").matcher(call.path());
        while (keys.find()) {
            references.add(keys.group());
        }
        return references;
    }
}

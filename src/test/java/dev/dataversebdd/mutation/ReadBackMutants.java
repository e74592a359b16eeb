package dev.dataversebdd.mutation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Mutants that write correctly but read back wrongly, so a suite that trusts a 204 without reading the state back
 * misses the writes above, and one that reads carelessly misses these: query options ignored, related rows missing,
 * references in another form (D6, D7, Q1-Q3, F1-F2), and a security model that is not enforced (S1-S7).
 */
final class ReadBackMutants {

    private ReadBackMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                dropQueryOption("read/expand-ignored", "ignores $expand: related rows are left out of the answer",
                        "D6, Q1: $expand returns the related rows with the row", "$expand"),
                dropQueryOption("read/filter-ignored", "ignores $filter: every row of the collection is returned",
                        "Q3: $filter returns only the rows the condition selects", "$filter"),
                dropQueryOption("read/select-ignored", "ignores $select: every column is returned",
                        "D6: $select limits the columns returned (the key is always there)", "$select"),
                dropQueryOption("read/fetchxml-ignored", "ignores fetchXml: every row of the table is returned",
                        "F1: a fetchXml query returns the rows the FetchXML selects", "fetchXml"),
                new Mutant("read/collection-navigation-empty", "answers a collection-valued navigation property read "
                        + "with no rows", "D7: GET row/nav returns the related rows",
                        call -> call.is("GET") && call.path().matches(".*\\([^)]*\\)/\\w+$") && !call.path().contains("Microsoft"),
                        k -> Mutation.rewriteAnswer((call, answer) -> answer.status() == 200
                                ? answer.withBody(answer.body().replaceAll("(?s)\"value\"\\s*:\\s*\\[.*\\]", "\"value\":[]"))
                                : answer)),
                new Mutant("read/ref-ids-relative", "lists a $ref read's @odata.id as relative URLs",
                        "D1, O2 §4.4: a $ref read lists each related row's absolute URL",
                        call -> call.is("GET") && call.path().endsWith("/$ref"), k -> Mutation.rewriteAnswer((call, a) -> a.withBody(a.body().replaceAll("(\"@odata\\.id\"\\s*:\\s*\")https?://[^/\"]+"
                                        + "/api/data/v\\d+\\.\\d+/", "$1")))),
                new Mutant("read/lookup-value-missing", "leaves the _…_value lookup columns out of the rows it returns",
                        "D8: a lookup reads as _name_value with the related row's id", call -> call.is("GET"),
                        k -> Mutation.rewriteAnswer((call, a) -> a.withBody(a.body().replaceAll(
                                "\"_\\w+_value(?:@[\\w.]+)?\"\\s*:\\s*(?:\"[^\"]*\"|null)\\s*,?", "")))),
                new Mutant("read/next-link-missing", "returns the first page of a paged read without @odata.nextLink",
                        "Q2: a page that is not the last carries @odata.nextLink", call -> call.is("GET"),
                        k -> Mutation.rewriteAnswer((call, a) -> a.withBody(a.body().replaceAll(
                                ",?\\s*\"@odata\\.nextLink\"\\s*:\\s*\"[^\"]*\"", "")))),
                new Mutant("security/impersonation-ignored", "ignores MSCRMCallerID and CallerObjectId: every request "
                        + "runs as the caller", "S7: the request runs as the user the header names",
                        call -> call.headers().containsKey("MSCRMCallerID") || call.headers().containsKey("CallerObjectId"),
                        k -> Mutation.rewriteRequest(call -> call.withoutHeader("MSCRMCallerID")
                                .withoutHeader("CallerObjectId"))),
                new Mutant("security/privileges-not-enforced", "answers 204 to a write the caller has no privilege "
                        + "for, without doing it", "S1, S3, S6: a caller without the privilege gets 403 (0x80040220)",
                        call -> !call.is("GET"), k -> Mutation.rewriteAnswer((call, a) -> a.status() == 403
                                && a.body().contains("0x80040220") ? Answer.noContent() : a)),
                new Mutant("security/share-not-applied", "answers GrantAccess and ModifyAccess 204 but shares nothing",
                        "S5: GrantAccess gives the principal the rights it names on the row",
                        call -> call.is("POST") && Pattern.compile("/(GrantAccess|ModifyAccess)$").matcher(call.path()).find(),
                        k -> (call, emulator) -> Answer.noContent()),
                new Mutant("security/revoke-not-applied", "answers RevokeAccess 204 but keeps the share",
                        "S5: RevokeAccess takes the principal's shared rights away",
                        call -> call.is("POST") && call.path().endsWith("/RevokeAccess"),
                        k -> (call, emulator) -> Answer.noContent()),
                new Mutant("security/role-privileges-not-added", "answers AddPrivilegesRole 204 but gives the role "
                        + "nothing", "S10: AddPrivilegesRole adds the privileges to the role",
                        call -> call.is("POST") && call.path().endsWith("AddPrivilegesRole"),
                        k -> (call, emulator) -> Answer.noContent()));
    }

    /** A mutant that sends GETs without the query option {@code name}. */
    private static Mutant dropQueryOption(String id, String deviation, String documented, String name) {
        Pattern option = Pattern.compile("(?<=[?&])" + Pattern.quote(name) + "=[^&]*&?");
        return new Mutant(id, deviation, documented, call -> call.is("GET") && option.matcher(call.target()).find(),
                k -> Mutation.rewriteRequest(call -> call.withTarget(option.matcher(call.target())
                        .replaceAll("").replaceAll("[?&]$", ""))));
    }
}

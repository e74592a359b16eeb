package dev.dataversebdd.mutation;

import static dev.dataversebdd.mutation.Requests.ref;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Mutants that do the right thing but answer it wrongly: status, body, headers, the error envelope and its codes. */
final class AnswerMutants {

    private static final String JSON_TYPE = "application/json; odata.metadata=minimal";

    private AnswerMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                answer("answer/ref-write-200-with-body", "answers a $ref write 200 OK with a JSON body instead of 204",
                        "D1: associate, disassociate and rebind answer 204 No Content", call -> ref(call).isPresent()
                                && !call.is("GET"), (call, a) -> a.status() == 204
                                ? json(200, "{\"@odata.context\":\"$metadata#Edm.Null\"}") : a),
                answer("answer/update-200-empty-object", "answers PATCH and DELETE of a row 200 OK with {} instead of "
                        + "204", "D4: an update or delete answers 204 No Content", call -> (Requests.isUpdate(call)
                                || call.is("DELETE") && Requests.namesRow(call)),
                        (call, a) -> a.status() == 204 ? json(200, "{}") : a),
                answer("answer/create-201-with-row", "answers a create 201 Created with the row (OData's default) "
                        + "without being asked to", "D3: a create answers 204 No Content with OData-EntityId, unless "
                        + "Prefer: return=representation", call -> Requests.isCreate(call)
                                && !call.headers().getOrDefault("Prefer", "").contains("return=representation"),
                        (call, a) -> a.status() == 204 ? json(201, "{\"@odata.context\":\"$metadata#"
                                + Requests.entitySet(call).orElse("") + "/$entity\"}").withHeader("OData-EntityId",
                                a.header("OData-EntityId") == null ? "" : a.header("OData-EntityId")) : a),
                answer("answer/entity-id-missing", "leaves the OData-EntityId header out of its answers",
                        "D3, D4: a create (and an upsert or update) answers with OData-EntityId, the row's URL",
                        call -> !call.is("GET"), (call, a) -> a.withoutHeader("OData-EntityId")),
                answer("answer/error-envelope-unwrapped", "writes errors as {\"code\":…,\"message\":…} without the "
                        + "\"error\" object", "D5, O3 §21: an error body is {\"error\":{\"code\":…,\"message\":…}}",
                        call -> true, (call, a) -> a.failed() ? rewrite(a, body -> body.path("error")) : a),
                answer("answer/error-code-decimal", "writes error codes as signed decimals (-2147220969) instead of "
                        + "hex", "D15: error codes are hexadecimal strings such as 0x80040217", call -> true,
                        (call, a) -> a.failed() ? a.withBody(decimalCodes(a.body())) : a),
                answer("answer/error-code-generic", "answers every error with the generic code 0x80040216",
                        "D15: each error has its own code (0x80040217 row not found, 0x80040237 duplicate, …)",
                        call -> true, (call, a) -> a.failed() ? a.withBody(a.body().replaceAll("\"code\"\\s*:\\s*"
                                + "\"[^\"]*\"", "\"code\":\"0x80040216\"")) : a),
                answer("answer/not-found-as-400", "answers 400 Bad Request where the row or path does not exist",
                        "D5, D15: a missing row answers 404 Not Found (0x80040217)", call -> true,
                        (call, a) -> a.status() == 404 ? a.withStatus(400) : a),
                answer("answer/bad-request-as-500", "answers 500 to requests it should refuse with 400",
                        "D5: a request the service cannot accept answers 400 Bad Request", call -> true,
                        (call, a) -> a.status() == 400 ? a.withStatus(500) : a),
                answer("answer/duplicate-association-500", "fails with 500 when a row is associated twice (the "
                        + "store's unique index)", "D1, D15: 0x80040237 (412 or 400, the duplicate-association modes) "
                        + "or 204", call -> true, (call, a) -> a.body().contains("0x80040237")
                                ? Answer.error(500, "0x80040216", "Cannot insert duplicate key row") : a),
                answer("answer/unknown-segment-as-400", "answers 400 to a path naming no navigation property",
                        "D16: an unknown segment answers 404 (0x80060888 or 0x8006088a, the unknown-segment-code "
                        + "modes)", call -> true, (call, a) -> a.status() == 404 && (a.body().contains("0x80060888")
                                || a.body().contains("0x8006088a")) ? Answer.error(400, "0x0", "Bad Request") : a),
                answer("answer/precondition-failed-as-409", "answers 409 Conflict when If-Match does not match",
                        "D9: a failed If-Match or If-None-Match condition answers 412 Precondition Failed",
                        call -> call.headers().containsKey("If-Match") || call.headers().containsKey("If-None-Match"),
                        (call, a) -> a.status() == 412 ? a.withStatus(409) : a),
                new Mutant("answer/if-match-ignored", "ignores If-Match with an ETag: stale updates and deletes win",
                        "D9: If-Match with an ETag applies the request only while the row's ETag matches, else 412",
                        call -> !call.headers().getOrDefault("If-Match", "*").equals("*"),
                        k -> Mutation.rewriteRequest(call -> call.withoutHeader("If-Match"))),
                new Mutant("answer/if-none-match-ignored", "ignores If-None-Match: * on an upsert: the existing row "
                        + "is updated", "D9, D21: If-None-Match: * only creates; an existing row answers 412",
                        call -> "*".equals(call.headers().get("If-None-Match")),
                        k -> Mutation.rewriteRequest(call -> call.withoutHeader("If-None-Match"))),
                answer("answer/etag-missing", "leaves @odata.etag out of the rows it returns, and the ETag header "
                        + "out of its answers", "D6, D9: a retrieved row carries @odata.etag", call -> call.is("GET"),
                        (call, a) -> a.withoutHeader("ETag").withBody(a.body().replaceAll("\"@odata\\.etag\"\\s*:\\s*"
                                + "\"(?:[^\"\\\\]|\\\\.)*\"\\s*,?", ""))));
    }

    private static Mutant answer(String id, String deviation, String documented, Predicate<Call> touches,
                                 java.util.function.BiFunction<Call, Answer, Answer> rewrite) {
        return new Mutant(id, deviation, documented, touches, k -> Mutation.rewriteAnswer(rewrite));
    }

    private static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", JSON_TYPE, "OData-Version", "4.0"), body);
    }

    private static Answer rewrite(Answer answer, java.util.function.Function<JsonNode, JsonNode> edit) {
        return Requests.object(answer.body()).map(edit).filter(JsonNode::isObject)
                .map(node -> answer.withBody(Requests.write(node))).orElse(answer);
    }

    /** {@code "code":"0x80040217"} becomes {@code "code":"-2147220969"}: the same number, as the SDK's int. */
    private static String decimalCodes(String body) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"").matcher(body);
        return code.replaceAll(m -> "\"code\":\"" + (int) Long.parseLong(m.group(1), 16) + "\"");
    }

}

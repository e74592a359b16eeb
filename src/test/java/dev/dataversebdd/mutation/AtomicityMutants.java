package dev.dataversebdd.mutation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutants that apply part of what must be all or nothing (deep insert, a PATCH with several binds, a change set),
 * or that mishandle how a batch goes on after a failure (D3, D4, D11, O4 §11.7).
 */
final class AtomicityMutants {

    private static final Pattern CHANGE_SET = Pattern.compile("(?s)--(batch_[\\w-]+)\\r?\\nContent-Type: multipart/mixed;\\s*"
            + "boundary=(changeset_[\\w-]+)\\r?\\n\\r?\\n(.*?)--\\2--\\r?\\n");
    private static final Pattern CONTENT_ID_REFERENCE = Pattern.compile("(?<=[\\s\"/])\\$(\\d+)(?=[/\"\\s])");

    private AtomicityMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("atomicity/deep-insert-half-written", "when a deep insert fails, keeps the row it was "
                        + "created on (without the nested rows)", "D3: a deep insert is one operation: a failure "
                        + "creates nothing", Requests::isCreate, k -> (call, emulator) -> {
                            Answer answer = emulator.send(call);
                            if (answer.failed()) {
                                Call parentOnly = WriteMutants.edited(call, object -> WriteMutants.removeWhere(object,
                                        Requests::isNested));
                                if (!parentOnly.body().equals(call.body())) {
                                    emulator.send(parentOnly);
                                }
                            }
                            return answer;
                        }),
                new Mutant("atomicity/patch-binds-half-written", "when a PATCH with several binds fails, keeps the "
                        + "first bind", "D4: an update is one operation: a failure writes nothing",
                        call -> Requests.isUpdate(call) && binds(call) > 1, k -> (call, emulator) -> {
                            Answer answer = emulator.send(call);
                            if (answer.failed()) {
                                emulator.send(WriteMutants.edited(call, AtomicityMutants::keepFirstBind));
                            }
                            return answer;
                        }),
                new Mutant("atomicity/patch-first-bind-only", "of a PATCH with several binds, applies the first "
                        + "and answers 204", "D1, D4: every nav@odata.bind of an update is applied",
                        call -> Requests.isUpdate(call) && binds(call) > 1, k -> (call, emulator) -> emulator
                                .send(WriteMutants.edited(call, AtomicityMutants::keepFirstBind))),
                new Mutant("atomicity/change-set-not-atomic", "runs a change set's requests one by one, keeping "
                        + "those before a failure", "D11, O4 §11.7.2: a change set succeeds or fails as a whole",
                        call -> call.isBatch() && CHANGE_SET.matcher(call.body()).find(),
                        k -> (call, emulator) -> emulator.send(call.withBody(unwrapChangeSets(call.body())))),
                new Mutant("atomicity/continue-on-error-ignored", "stops a batch at its first failure even with "
                        + "Prefer: odata.continue-on-error", "D11: with odata.continue-on-error the batch goes on "
                        + "after a failed request", call -> call.isBatch() && call.headers().getOrDefault("Prefer", "")
                                .contains("continue-on-error"), k -> (call, emulator) -> emulator.send(call
                                .withoutHeader("Prefer"))),
                new Mutant("atomicity/continue-on-error-always", "goes on after a failed request of a batch without "
                        + "being asked to", "D11: without odata.continue-on-error a batch stops at the first failure",
                        call -> call.isBatch() && !call.headers().getOrDefault("Prefer", "").contains("continue-on-error"),
                        k -> (call, emulator) -> emulator.send(call.withHeader("Prefer", "odata.continue-on-error"))),
                new Mutant("batch/content-id-not-resolved", "does not resolve $n Content-ID references: $1 names "
                        + "nothing", "D11: $n in a change set names the row the request with Content-ID n created",
                        call -> call.isBatch() && CONTENT_ID_REFERENCE.matcher(call.body()).find(),
                        k -> (call, emulator) -> emulator.send(call.withBody(CONTENT_ID_REFERENCE.matcher(call.body())
                                .replaceAll(m -> Matcher.quoteReplacement("$9" + m.group(1)))))),
                new Mutant("batch/part-status-200", "answers each 204 request of a batch 200 OK",
                        "D11: each part carries the status the request alone would get (204 No Content)",
                        Call::isBatch, k -> Mutation.rewriteAnswer((call, a) -> a.withBody(
                                a.body().replace("HTTP/1.1 204 No Content", "HTTP/1.1 200 OK")))),
                new Mutant("batch/content-id-missing-in-answer", "leaves the Content-ID header out of a change set's "
                        + "answers", "D11, O4 §11.7.4: each answer of a change set carries its request's Content-ID",
                        Call::isBatch, k -> Mutation.rewriteAnswer((call, a) -> a.withBody(
                                a.body().replaceAll("(?m)^Content-ID: [^\\r\\n]*\\r?\\n", "")))));
    }

    private static int binds(Call call) {
        return Requests.object(call.body()).map(object -> Requests.binds(object).size()).orElse(0);
    }

    private static boolean keepFirstBind(ObjectNode object) {
        List<String> binds = Requests.binds(object);
        Optional<String> first = binds.stream().findFirst();
        return Requests.removeFields(object, name -> name.endsWith("@odata.bind") && !name.equals(first.orElse("")));
    }

    /** Each change set's requests become requests of the batch itself: no longer one unit of work. */
    static String unwrapChangeSets(String body) {
        Matcher changeSet = CHANGE_SET.matcher(body);
        return changeSet.replaceAll(m -> Matcher.quoteReplacement(m.group(3).replace("--" + m.group(2), "--" + m.group(1))));
    }
}

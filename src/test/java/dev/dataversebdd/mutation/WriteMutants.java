package dev.dataversebdd.mutation;

import static dev.dataversebdd.mutation.Requests.isCreate;
import static dev.dataversebdd.mutation.Requests.isUpdate;
import static dev.dataversebdd.mutation.Requests.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Mutants of the writes themselves: each operation, per relationship kind, done wrong or not at all. */
final class WriteMutants {

    private WriteMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("associate/n-n-not-applied", "answers 204 to an N:N associate but links nothing",
                        "D1, D2: POST nav/$ref with @odata.id associates the rows, 204", WriteMutants::isAssociate,
                        k -> acknowledgeWhenKind(k, "N:N")),
                new Mutant("associate/1-n-not-applied", "answers 204 to a 1:N associate but links nothing",
                        "D1, D2: POST nav/$ref associates the rows, 204", WriteMutants::isAssociate,
                        k -> acknowledgeWhenKind(k, "1:N")),
                new Mutant("associate/links-another-row", "links the latest other row of the same table instead of "
                        + "the one @odata.id names", "D1: the row @odata.id names is associated",
                        WriteMutants::isAssociate, k -> WriteMutants::associateAnotherRow),
                new Mutant("disassociate/id-not-applied", "answers 204 to DELETE nav/$ref?$id=… but removes nothing",
                        "D1: DELETE with $id removes the reference, 204",
                        call -> call.is("DELETE") && ref(call).isPresent() && call.target().contains("$id="),
                        k -> acknowledge()),
                new Mutant("disassociate/key-segment-not-applied", "answers 204 to DELETE nav(key)/$ref but removes "
                        + "nothing", "D1, D10: DELETE nav(key)/$ref removes the reference, 204",
                        call -> call.is("DELETE") && ref(call).map(r -> r.relatedKey() != null).orElse(false),
                        k -> acknowledge()),
                new Mutant("disassociate/single-valued-not-applied", "answers 204 to DELETE lookup/$ref but keeps the "
                        + "lookup", "D1, D2: DELETE single-valued nav/$ref clears the lookup, 204",
                        call -> call.is("DELETE") && ref(call).map(r -> r.relatedKey() == null).orElse(false)
                                && !call.target().contains("$id="), k -> acknowledgeWhenKind(k, "N:1")),
                new Mutant("disassociate/removes-every-link", "DELETE nav/$ref?$id=… removes every row of the "
                        + "collection, not only the one $id names", "D1: only the reference $id names is removed",
                        call -> call.is("DELETE") && ref(call).isPresent() && call.target().contains("$id="),
                        k -> WriteMutants::removeEveryLink),
                new Mutant("rebind/not-applied", "answers 204 to PUT lookup/$ref but keeps the old row",
                        "D1, D2: PUT single-valued nav/$ref with @odata.id sets the lookup, 204",
                        call -> call.is("PUT") && ref(call).isPresent(), k -> acknowledge()),
                new Mutant("rebind/hierarchy-loop-accepted", "answers 204 to a parent that would make the hierarchy a "
                        + "loop (and leaves it as it was)", "D15, C3: 400 0x80040507, the hierarchy would be circular",
                        call -> call.is("PUT") || call.is("PATCH") || call.is("POST"),
                        k -> Mutation.rewriteAnswer((call, answer) -> answer.body().contains("0x80040507")
                                ? Answer.noContent() : answer)),
                new Mutant("bind-on-create/binds-dropped", "creates the row but ignores every @odata.bind of the body",
                        "D3: a create binds each nav@odata.bind it is given", Requests::isCreate,
                        k -> body(object -> Requests.removeFields(object, name -> name.endsWith("@odata.bind")))),
                new Mutant("bind-on-create/multi-table-lookup-dropped", "ignores binds of multi-table lookups "
                        + "(customerid_account, parentcustomerid_contact) on create", "D3, D8: a multi-table lookup is "
                        + "bound through the navigation property of the table it names", Requests::isCreate,
                        k -> (call, emulator) -> {
                            String set = Requests.entitySet(call).orElseThrow();
                            return emulator.send(edited(call, object -> Requests.removeFields(object, name -> name
                                    .endsWith("@odata.bind") && k.isMultiTableLookup(call, emulator, set,
                                    name.substring(0, name.indexOf('@'))))));
                        }),
                new Mutant("bind-on-create/collection-binds-dropped", "ignores collection-valued binds "
                        + "(\"Account_Tasks@odata.bind\": [...]) on create", "D3: a collection-valued nav@odata.bind "
                        + "associates every row it lists", Requests::isCreate,
                        k -> body(object -> removeWhere(object, (name, value) -> name.endsWith("@odata.bind")
                                && value.isArray()))),
                new Mutant("deep-insert/nested-rows-dropped", "creates the row of a deep insert but none of the rows "
                        + "nested in it", "D3, O3 §8.4: a deep insert creates the nested rows and links them",
                        Requests::isCreate, k -> body(object -> removeWhere(object, Requests::isNested))),
                new Mutant("deep-insert/second-level-dropped", "creates the rows nested one level deep, but not the "
                        + "rows nested in those", "D3: deep insert creates related rows at every level",
                        Requests::isCreate, k -> body(WriteMutants::dropSecondLevel)),
                new Mutant("bind-on-update/binds-dropped", "answers 204 to a PATCH with nav@odata.bind but binds "
                        + "nothing (other columns are written)", "D1, D4: PATCH with nav@odata.bind sets the lookup",
                        Requests::isUpdate, k -> body(object -> removeWhere(object, (name, value) -> name
                                .endsWith("@odata.bind") && !value.isNull()))),
                new Mutant("unbind/nav-null-ignored", "ignores \"nav\": null in a PATCH (the lookup stays)",
                        "D1: setting a single-valued navigation property to null disassociates it",
                        Requests::isUpdate, k -> body(object -> removeWhere(object, (name, value) -> value.isNull()
                                && !name.contains("@") && !name.startsWith("_")))),
                new Mutant("unbind/last-null-bind-dropped", "of a PATCH with several \"nav@odata.bind\": null, "
                        + "clears all lookups but the last", "D1: every navigation property set to null in one update is "
                        + "disassociated", Requests::isUpdate, k -> body(object -> {
                            List<String> nulls = Requests.binds(object).stream().filter(name -> object.get(name).isNull())
                                    .toList();
                            if (nulls.size() > 1) {
                                object.remove(nulls.get(nulls.size() - 1));
                            }
                        })),
                new Mutant("self-referential/parent-bind-dropped", "ignores parentaccountid@odata.bind (an account's "
                        + "parent account) on create and update", "D3, D19: parentaccountid binds the parent account",
                        call -> (isCreate(call) || isUpdate(call)) && Requests.entitySet(call).filter("accounts"::equals)
                                .isPresent(), k -> body(object -> Requests.removeFields(object,
                                "parentaccountid@odata.bind"::equals))),
                new Mutant("activity-party/put-appends", "PUT email_activity_parties adds the parties it is sent to "
                        + "those the email had", "D1 (2021): the PUT replaces the email's parties",
                        WriteMutants::isPartyPut, k -> WriteMutants::appendParties),
                new Mutant("activity-party/put-drops-last", "PUT email_activity_parties keeps every party but the "
                        + "last one it is sent", "D1 (2021): the PUT sets the email's parties to those sent",
                        WriteMutants::isPartyPut, k -> (call, emulator) -> {
                            Optional<ObjectNode> object = Requests.object(call.body());
                            object.map(o -> o.path("value")).filter(JsonNode::isArray)
                                    .filter(value -> value.size() > 1).ifPresent(value -> ((ArrayNode) value)
                                            .remove(value.size() - 1));
                            return emulator.send(object.map(o -> call.withBody(Requests.write(o))).orElse(call));
                        }),
                new Mutant("activity-party/create-parties-dropped", "creates an email without the parties of its "
                        + "email_activity_parties", "D13, D3: an email is created with the parties it lists",
                        call -> isCreate(call) && Requests.entitySet(call).filter("emails"::equals).isPresent(),
                        k -> body(object -> Requests.removeFields(object, name -> name.equalsIgnoreCase(
                                "email_activity_parties")))),
                new Mutant("activity-party/sender-stored-as-to", "stores a sender (participationtypemask 1) as a To "
                        + "recipient (2)", "D13: participationtypemask 1 is the sender, 2 a To recipient",
                        call -> isCreate(call) && Requests.entitySet(call).filter("emails"::equals).isPresent()
                                || isPartyPut(call), k -> (call, emulator) -> emulator.send(call.withBody(call.body()
                                .replaceAll("\"participationtypemask\"\\s*:\\s*1(?!\\d)", "\"participationtypemask\":2")))));
    }

    private static boolean isAssociate(Call call) {
        return call.is("POST") && ref(call).isPresent();
    }

    /** Answers 204 without applying when the $ref's navigation property is of {@code kind}. */
    private static Mutation acknowledgeWhenKind(ServerKnowledge knowledge, String kind) {
        return (call, emulator) -> {
            Requests.Ref r = ref(call).orElseThrow();
            return knowledge.kind(call, emulator, r.entitySet(), r.navigation()).filter(kind::equals).isPresent()
                    ? Answer.noContent() : emulator.send(call);
        };
    }

    static boolean isPartyPut(Call call) {
        return call.is("PUT") && call.path().toLowerCase(java.util.Locale.ROOT).endsWith("/email_activity_parties");
    }

    private static Mutation acknowledge() {
        return (call, emulator) -> Answer.noContent();
    }

    /** Sends the call with its JSON body edited by {@code edit} (a body that is not a JSON object goes as it is). */
    static Mutation body(java.util.function.Consumer<ObjectNode> edit) {
        return (call, emulator) -> emulator.send(edited(call, object -> {
            edit.accept(object);
            return true;
        }));
    }

    static Call edited(Call call, Predicate<ObjectNode> edit) {
        return Requests.object(call.body()).filter(edit).map(object -> call.withBody(Requests.write(object))).orElse(call);
    }

    static boolean removeWhere(ObjectNode object, java.util.function.BiPredicate<String, JsonNode> drop) {
        List<String> names = new java.util.ArrayList<>();
        object.properties().forEach(field -> {
            if (drop.test(field.getKey(), field.getValue())) {
                names.add(field.getKey());
            }
        });
        object.remove(names);
        return !names.isEmpty();
    }

    private static void dropSecondLevel(ObjectNode object) {
        object.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (Requests.isNested(field.getKey(), value)) {
                (value.isArray() ? value : List.of(value)).forEach(nested -> {
                    if (nested instanceof ObjectNode row) {
                        removeWhere(row, Requests::isNested);
                    }
                });
            }
        });
    }

    /**
     * Links another row of the table @odata.id names: one the server makes for the purpose, so the mutant does the
     * same whatever other rows the run happens to have made before.
     */
    private static Answer associateAnotherRow(Call call, Upstream emulator) {
        String id = Requests.object(call.body()).map(o -> o.path("@odata.id").asText("")).orElse("");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("/api/data/(v\\d+\\.\\d+)/(\\w+)\\(([0-9a-fA-F-]{36})\\)$")
                .matcher(id);
        if (!row.find()) {
            return emulator.send(call);
        }
        Answer decoy = emulator.send(new Call("POST", "/api/data/" + row.group(1) + "/" + row.group(2),
                withJson(authorization(call)), "{}"));
        java.util.regex.Matcher made = Requests.GUID.matcher(String.valueOf(decoy.header("OData-EntityId")));
        return made.find() ? emulator.send(call.withBody(call.body().replace(row.group(3), made.group())))
                : emulator.send(call);
    }

    private static java.util.Map<String, String> withJson(java.util.Map<String, String> headers) {
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** Forwards the DELETE, then removes every other reference of the collection by its key segment. */
    private static Answer removeEveryLink(Call call, Upstream emulator) {
        Answer answer = emulator.send(call);
        if (answer.failed()) {
            return answer;
        }
        String collection = call.path();
        Answer listed = emulator.send(new Call("GET", collection, authorization(call), ""));
        Requests.object(listed.body()).map(o -> o.path("value")).ifPresent(value -> value.forEach(reference -> {
            java.util.regex.Matcher key = Requests.GUID.matcher(reference.path("@odata.id").asText(""));
            if (key.find()) {
                String segment = collection.substring(0, collection.length() - "/$ref".length()) + "(" + key.group() + ")/$ref";
                emulator.send(new Call("DELETE", segment, authorization(call), ""));
            }
        }));
        return answer;
    }

    /** Reads the email's parties, then PUTs them together with those sent: nothing the email had is replaced. */
    private static Answer appendParties(Call call, Upstream emulator) {
        Optional<ObjectNode> sent = Requests.object(call.body());
        if (sent.isEmpty() || !sent.get().path("value").isArray()) {
            return emulator.send(call);
        }
        java.util.Map<String, String> headers = authorization(call);
        headers.put("Prefer", "odata.include-annotations=\"*\"");
        Answer had = emulator.send(new Call("GET", call.path() + "?$select=participationtypemask,_partyid_value", headers, ""));
        ArrayNode merged = Requests.JSON.createArrayNode();
        Requests.object(had.body()).map(o -> o.path("value")).ifPresent(value -> value.forEach(party -> {
            String table = party.path("_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText("");
            if (!table.isEmpty()) {
                ObjectNode copy = merged.addObject();
                copy.put("partyid_" + table + "@odata.bind", "/" + table + "s(" + party.path("_partyid_value").asText() + ")");
                copy.set("participationtypemask", party.path("participationtypemask"));
            }
        }));
        merged.addAll((ArrayNode) sent.get().path("value"));
        sent.get().set("value", merged);
        return emulator.send(call.withBody(Requests.write(sent.get())));
    }

    static java.util.Map<String, String> authorization(Call call) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        if (call.headers().containsKey("Authorization")) {
            headers.put("Authorization", call.headers().get("Authorization"));
        }
        return headers;
    }
}

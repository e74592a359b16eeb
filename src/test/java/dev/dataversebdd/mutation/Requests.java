package dev.dataversebdd.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a mutation needs to recognise a Web API request and to rewrite a JSON body. */
final class Requests {

    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code …/set(key)/nav/$ref} or {@code …/set(key)/nav(key)/$ref}: groups set, key, nav, related key. */
    private static final Pattern REF = Pattern.compile(".*/api/data/v\\d+\\.\\d+/(\\w+)\\(([^)]*)\\)/(\\w+)(?:\\(([^)]*)\\))?/\\$ref$");
    /** {@code …/set} or {@code …/set(key)}: groups set, key (null for the collection). */
    private static final Pattern ROW = Pattern.compile(".*/api/data/v\\d+\\.\\d+/(\\w+)(?:\\(([^)]*)\\))?$");
    /** A GUID as a row reference writes it. */
    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Requests() {
    }

    /** A {@code $ref} request's parts. */
    record Ref(String entitySet, String key, String navigation, String relatedKey) {
    }

    static Optional<Ref> ref(Call call) {
        Matcher m = REF.matcher(call.path());
        return m.matches() ? Optional.of(new Ref(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }

    /** The entity set a request writes or reads, when its path is {@code …/set} or {@code …/set(key)}. */
    static Optional<String> entitySet(Call call) {
        Matcher m = ROW.matcher(call.path());
        return m.matches() && !m.group(1).startsWith("$") ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True for {@code …/set(key)} (a row), false for {@code …/set} (a collection). */
    static boolean namesRow(Call call) {
        Matcher m = ROW.matcher(call.path());
        return m.matches() && m.group(2) != null;
    }

    /** A create: POST to a collection, not a batch or an action. */
    static boolean isCreate(Call call) {
        return call.is("POST") && entitySet(call).isPresent() && !namesRow(call) && !call.isBatch();
    }

    /** An update: PATCH of a row. */
    static boolean isUpdate(Call call) {
        return call.is("PATCH") && entitySet(call).isPresent() && namesRow(call);
    }

    static Optional<ObjectNode> object(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes, at the top level, every field whose name {@code drop} accepts; true when one went. */
    static boolean removeFields(ObjectNode object, Predicate<String> drop) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(field -> {
            if (drop.test(field.getKey())) {
                names.add(field.getKey());
            }
        });
        object.remove(names);
        return !names.isEmpty();
    }

    /** The names of the top-level {@code …@odata.bind} fields. */
    static List<String> binds(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("@odata.bind")) {
                names.add(name);
            }
        });
        return names;
    }

    /** Nested rows of a deep insert: fields holding an object or an array of objects, annotations aside. */
    static boolean isNested(String name, JsonNode value) {
        return !name.contains("@") && (value.isObject() || value.isArray() && value.size() > 0 && value.get(0).isObject());
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

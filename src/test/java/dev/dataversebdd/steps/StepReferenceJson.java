package dev.dataversebdd.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataversebdd.steps.StepReference.Parameter;
import dev.dataversebdd.steps.StepReference.StepDoc;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference for tools: {@code dev/dataversebdd/steps/steps.json} in the jar, beside the glue it describes, so a
 * tool reads the vocabulary of the version on its classpath. Example locations name files of this repository's
 * {@code features/}, which the jar carries under {@code dev/dataversebdd/features/}.
 */
final class StepReferenceJson {

    private StepReferenceJson() {
    }

    static String write(StepReference reference) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "The step vocabulary of dataverse-bdd: every step of the glue " + StepReference.GLUE
                + ", its parameters, what it does and one example from features/. Descriptions are Markdown.");
        root.put("regenerate", StepReference.REGENERATE);
        root.put("glue", StepReference.GLUE);
        root.put("parameterTypes", reference.parameterTypes().stream().map(t -> object(
                "name", t.name(), "regexps", t.regexps(), "javaType", t.javaType(), "definedBy", t.definedBy(),
                "description", t.description())).toList());
        root.put("dataTableTypes", reference.tableTypes().stream().map(t -> object(
                "javaType", t.javaType(), "definedBy", t.definedBy(), "description", t.description())).toList());
        root.put("placeholders", reference.placeholders());
        root.put("classes", reference.groups().stream().map(g -> object(
                "class", g.glueClass(), "description", g.description(), "steps", g.steps().size())).toList());
        root.put("steps", reference.steps().stream().map(StepReferenceJson::step).toList());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> step(StepDoc step) {
        Map<String, Object> out = object(
                "keyword", step.keyword(),
                "expression", step.expression(),
                "class", step.glueClass(),
                "method", step.method(),
                "parameters", step.parameters().stream().map(StepReferenceJson::parameter).toList(),
                "argument", step.argument() == null ? null : object("kind", step.argument().kind(),
                        "name", step.argument().name(), "javaType", step.argument().javaType()),
                "description", step.description(),
                "calls", step.calls());
        out.put("example", step.example() == null ? null : object("location", step.example().location(),
                "lines", step.example().lines(), "fromScenarioOutline", step.example().fromOutline()));
        return out;
    }

    private static Map<String, Object> parameter(Parameter parameter) {
        return object("type", parameter.type(), "name", parameter.name(), "javaType", parameter.javaType(),
                "exampleValue", parameter.exampleValue());
    }

    /** A JSON object with its keys in the order given. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}

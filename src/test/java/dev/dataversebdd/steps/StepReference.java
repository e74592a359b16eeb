package dev.dataversebdd.steps;

import dev.dataversebdd.steps.FeatureSteps.FeatureStep;
import dev.dataversebdd.steps.StepSources.MethodSource;
import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.CucumberExpression;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.java.DataTableType;
import io.cucumber.java.StepDefinitionAnnotation;
import io.cucumber.java.StepDefinitionAnnotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The step library's vocabulary, read from the glue itself: every step expression of {@code dev.dataversebdd.steps}
 * with its parameters, its Javadoc, the DSL call it makes, and one example line from {@code features/} that
 * Cucumber's own expression matcher matches, with the library's parameter types registered as Cucumber registers
 * them. {@link StepReferencePage} and {@link StepReferenceJson} write it out; {@code StepReferenceTest} keeps the
 * committed copies current.
 */
record StepReference(List<ParameterTypeDoc> parameterTypes, List<TableTypeDoc> tableTypes, String placeholders,
        List<Group> groups) {

    static final String GLUE = "dev.dataversebdd.steps";
    static final String REGENERATE = "mvn -B -o test -Dtest=StepReferenceTest -Dsteps.reference.write=true";

    /** The order a reader meets the steps in: rows, then what links them, then checks; other classes follow by name. */
    private static final List<String> READING_ORDER = List.of("RowSteps", "RelationshipSteps", "ReadBackSteps",
            "OutcomeSteps", "RawRequestSteps", "BatchSteps", "BehaviourSteps");

    /** What Cucumber's built-in parameter types mean (their regular expressions come from Cucumber itself). */
    private static final Map<String, String> BUILT_IN = Map.of(
            "int", "A whole number, optionally negative: `204`.",
            "float", "A decimal number: `2.5`.",
            "word", "One word, anything without whitespace: `v9.2`, `jobtitle`.",
            "string", "Text in double or single quotes; the value is what is inside them: `\"Contoso\"` is `Contoso`.",
            "bigdecimal", "A decimal number, as `BigDecimal`.",
            "biginteger", "A whole number, as `BigInteger`.",
            "long", "A whole number, as `long`.");

    record ParameterTypeDoc(String name, List<String> regexps, String javaType, String definedBy, String description) {
    }

    record TableTypeDoc(String javaType, String definedBy, String description) {
    }

    /** One step class: its Javadoc and its steps in source order. */
    record Group(String glueClass, String description, List<StepDoc> steps) {
    }

    record StepDoc(String glueClass, String method, String keyword, String expression, List<Parameter> parameters,
            TableOrDocString argument, String description, String calls, Example example) {
    }

    /** A parameter of the expression, {@code {row}}, and the Java parameter it becomes; its value in the example. */
    record Parameter(String type, String name, String javaType, String exampleValue) {
    }

    /** The data table or doc string the step takes after its text. */
    record TableOrDocString(String kind, String name, String javaType) {
    }

    record Example(String location, List<String> lines, boolean fromOutline) {
    }

    /** The reference of the glue compiled from {@code src/main/java}, with examples from {@code features/}. */
    static StepReference read(Path projectRoot) {
        Path sources = projectRoot.resolve("src/main/java");
        StepSources source = new StepSources(sources);
        List<Class<?>> glue = glueClasses(sources);
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        List<ParameterTypeDoc> custom = new ArrayList<>();
        List<TableTypeDoc> tables = new ArrayList<>();
        for (Class<?> type : glue) {
            for (Method method : inSourceOrder(type, source)) {
                io.cucumber.java.ParameterType parameterType = method.getAnnotation(io.cucumber.java.ParameterType.class);
                if (parameterType != null) {
                    String name = parameterType.name().isEmpty() ? method.getName() : parameterType.name();
                    // As cucumber-java's JavaParameterTypeDefinition registers it; matching never calls the transformer.
                    registry.defineParameterType(new ParameterType<Object>(name, List.of(parameterType.value()),
                            method.getGenericReturnType(), (String[] groups) -> groups, parameterType.useForSnippets(),
                            parameterType.preferForRegexMatch(), parameterType.useRegexpMatchAsStrongTypeHint()));
                    custom.add(new ParameterTypeDoc(name, List.of(parameterType.value()), typeName(method.getGenericReturnType()),
                            type.getName() + "." + method.getName(), javadocOf(source, method)));
                }
                if (method.isAnnotationPresent(DataTableType.class)) {
                    tables.add(new TableTypeDoc(typeName(method.getGenericReturnType()), type.getName() + "." + method.getName(),
                            javadocOf(source, method)));
                }
            }
        }
        ExpressionFactory expressions = new ExpressionFactory(registry);
        List<FeatureStep> written = examplesFirst(FeatureSteps.read(projectRoot, Path.of("features")));
        Map<String, ParameterType<?>> builtInsSeen = new TreeMap<>();
        List<String> customNames = custom.stream().map(ParameterTypeDoc::name).toList();
        List<Group> groups = new ArrayList<>();
        for (Class<?> type : glue) {
            List<StepDoc> steps = new ArrayList<>();
            for (Method method : inSourceOrder(type, source)) {
                for (Annotation annotation : stepAnnotations(method)) {
                    String expression = value(annotation);
                    Expression compiled = expressions.createExpression(expression);
                    if (!(compiled instanceof CucumberExpression)) {
                        throw new IllegalStateException(type.getName() + "." + method.getName() + " uses the regular "
                                + "expression " + expression + "; the reference reads Cucumber expressions only");
                    }
                    StepDoc step = step(source, type, method, annotation.annotationType().getSimpleName(), expression,
                            compiled, written, customNames, builtInsSeen);
                    steps.add(step);
                }
            }
            if (!steps.isEmpty()) {
                groups.add(new Group(type.getName(), source.classJavadoc(type), List.copyOf(steps)));
            }
        }
        List<ParameterTypeDoc> parameterTypes = new ArrayList<>(custom);
        for (String used : usedBuiltIns(groups, customNames)) {
            ParameterType<?> seen = builtInsSeen.get(used);
            List<String> regexps = seen != null ? seen.getRegexps()
                    : List.of(((CucumberExpression) expressions.createExpression("{" + used + "}")).getRegexp().pattern());
            parameterTypes.add(new ParameterTypeDoc(used, regexps, seen == null ? "" : typeName(seen.getType()),
                    "Cucumber (built in)", BUILT_IN.getOrDefault(used, "")));
        }
        return new StepReference(List.copyOf(parameterTypes), List.copyOf(tables), source.classJavadoc(Placeholders.class),
                List.copyOf(groups));
    }

    List<StepDoc> steps() {
        return groups.stream().flatMap(g -> g.steps().stream()).toList();
    }

    private static StepDoc step(StepSources source, Class<?> type, Method method, String keyword, String expression,
            Expression compiled, List<FeatureStep> written, List<String> customNames,
            Map<String, ParameterType<?>> builtInsSeen) {
        List<String> types = parameterTypes(expression);
        MethodSource code = source.method(type, method.getName(), method.getParameterCount());
        Type[] javaTypes = method.getGenericParameterTypes();
        if (javaTypes.length != types.size() && javaTypes.length != types.size() + 1) {
            throw new IllegalStateException(type.getName() + "." + method.getName() + " takes " + javaTypes.length
                    + " parameters for the " + types.size() + " of \"" + expression + "\"");
        }
        TableOrDocString argument = javaTypes.length == types.size() ? null
                : new TableOrDocString(isDocString(javaTypes[types.size()]) ? "doc string" : "data table",
                        code.parameterNames().get(types.size()), typeName(javaTypes[types.size()]));
        FeatureStep example = null;
        List<Argument<?>> values = null;
        for (FeatureStep candidate : written) {
            if (Objects.equals(candidate.argument(), argument == null ? null : argument.kind())) {
                List<Argument<?>> match = compiled.match(candidate.text());
                if (match != null) {
                    example = candidate;
                    values = match;
                    break;
                }
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String value = null;
            if (values != null) {
                ParameterType<?> matched = values.get(i).getParameterType();
                if (!matched.getName().equals(types.get(i))) {
                    throw new IllegalStateException("\"" + expression + "\": parameter " + (i + 1) + " read as {"
                            + types.get(i) + "} but Cucumber matched {" + matched.getName() + "}");
                }
                if (!customNames.contains(matched.getName())) {
                    builtInsSeen.putIfAbsent(matched.getName(), matched);
                }
                value = values.get(i).getGroup().getValue();
            }
            parameters.add(new Parameter(types.get(i), code.parameterNames().get(i), typeName(javaTypes[i]), value));
        }
        return new StepDoc(type.getName(), method.getName(), keyword, expression, List.copyOf(parameters), argument,
                code.javadoc(), code.body(),
                example == null ? null : new Example(example.location(), example.lines(), example.fromOutline()));
    }

    /** A step as written beats one filled in from Examples; a short one beats a long one; then the first. */
    private static List<FeatureStep> examplesFirst(List<FeatureStep> written) {
        return written.stream()
                .sorted(Comparator.comparing(FeatureStep::fromOutline).thenComparing(s -> s.lines().size()))
                .toList();
    }

    /**
     * The parameter type names of a Cucumber expression in order, {@code {row}} giving {@code row}. Only the names
     * are read here (a backslash escapes the next character); Cucumber itself compiles and matches the expression,
     * and {@link #step} checks these names against the types Cucumber matched.
     */
    static List<String> parameterTypes(String expression) {
        List<String> names = new ArrayList<>();
        StringBuilder name = null;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' && name == null) {
                name = new StringBuilder();
            } else if (c == '}' && name != null) {
                names.add(name.toString());
                name = null;
            } else if (name != null) {
                name.append(c);
            }
        }
        return names;
    }

    private static List<String> usedBuiltIns(List<Group> groups, List<String> customNames) {
        return groups.stream().flatMap(g -> g.steps().stream()).flatMap(s -> s.parameters().stream())
                .map(Parameter::type).filter(t -> !customNames.contains(t)).distinct().sorted().toList();
    }

    private static boolean isDocString(Type type) {
        return type == String.class || type.getTypeName().equals("io.cucumber.docstring.DocString");
    }

    private static String javadocOf(StepSources source, Method method) {
        return source.method(method.getDeclaringClass(), method.getName(), method.getParameterCount()).javadoc();
    }

    /** Every class whose source is under the glue package, nested ones included, by name. */
    private static List<Class<?>> glueClasses(Path sources) {
        Path folder = sources.resolve(GLUE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(folder)) {
            List<Class<?>> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith("package-info.java")) {
                    continue;
                }
                addWithNested(Class.forName(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'),
                        false, StepReference.class.getClassLoader()), found);
            }
            found.sort(Comparator.comparing((Class<?> c) -> {
                int rank = READING_ORDER.indexOf(c.getSimpleName());
                return rank < 0 ? READING_ORDER.size() : rank;
            }).thenComparing(Class::getName));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a glue source is not compiled: " + e.getMessage(), e);
        }
    }

    private static void addWithNested(Class<?> type, List<Class<?>> found) {
        found.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            addWithNested(nested, found);
        }
    }

    /** The public methods Cucumber sees on {@code type}, in the order they are written. */
    private static List<Method> inSourceOrder(Class<?> type, StepSources source) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() == type && !m.isSynthetic())
                .filter(m -> m.isAnnotationPresent(io.cucumber.java.ParameterType.class)
                        || m.isAnnotationPresent(DataTableType.class) || !stepAnnotations(m).isEmpty())
                .sorted(Comparator.comparingLong(m -> source.method(type, m.getName(), m.getParameterCount()).position()))
                .toList();
    }

    /** Step annotations of any language ({@code @Given}, {@code @Angenommen}, …), repeated ones unpacked. */
    private static List<Annotation> stepAnnotations(Method method) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.isAnnotationPresent(StepDefinitionAnnotation.class)) {
                found.add(annotation);
            } else if (kind.isAnnotationPresent(StepDefinitionAnnotations.class)) {
                found.addAll(Arrays.asList((Annotation[]) invoke(annotation)));
            }
        }
        return found;
    }

    private static String value(Annotation annotation) {
        return (String) invoke(annotation);
    }

    private static Object invoke(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + annotation, e);
        }
    }

    /** {@code java.util.List<dev.dataversebdd.dsl.NewRow$Nested>} as {@code java.util.List<dev.dataversebdd.dsl.NewRow.Nested>}. */
    static String typeName(Type type) {
        return type.getTypeName().replace('$', '.');
    }

    /** A type without its packages: {@code List<NewRow.Nested>}. */
    static String simpleTypeName(String typeName) {
        return typeName.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+", "");
    }

    /** Steps in the library that no line of {@code features/} uses. */
    List<StepDoc> withoutExample() {
        return steps().stream().filter(s -> s.example() == null).toList();
    }

    /** For messages: {@code @When("{row} is added to the {nav} of {row}") RelationshipSteps.isAddedToThe}. */
    static String describe(StepDoc step) {
        return "@" + step.keyword() + "(\"" + step.expression() + "\") " + step.glueClass().substring(GLUE.length() + 1)
                + "." + step.method();
    }
}

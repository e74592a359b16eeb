package dev.dataversebdd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The project's dependency rules (README, "Layout"), checked on the compiled main code. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dataversebdd");

    @Test
    void should_keep_the_emulator_free_of_the_client_side() {
        noClasses().that().resideInAPackage("dev.dataversebdd.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.steps..",
                        "dev.dataversebdd.targets..", "dev.dataversebdd.report..", "dev.dataversebdd.wire..",
                        "dev.dataversebdd.safety..", "io.restassured..", "io.cucumber..")
                .check(MAIN);
    }

    @Test
    void should_keep_the_dsl_free_of_the_emulator_so_they_cannot_share_a_bug() {
        noClasses().that().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.steps..", "dev.dataversebdd.report..",
                        "dev.dataversebdd.safety..", "dev.dataversebdd.wire..")
                .should().dependOnClassesThat().resideInAPackage("dev.dataversebdd.emulator..")
                .check(MAIN);
    }

    @Test
    void should_keep_the_conformance_kit_reading_only_records_and_cucumber_events() {
        noClasses().that().resideInAPackage("dev.dataversebdd.conformance..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.steps..",
                        "dev.dataversebdd.emulator..", "dev.dataversebdd.targets..", "dev.dataversebdd.safety..",
                        "dev.dataversebdd.wire..", "io.restassured..")
                .check(MAIN);
    }

    @Test
    void should_keep_the_emulator_core_free_of_any_http_server() {
        noClasses().that().resideInAPackage("dev.dataversebdd.emulator.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "org.eclipse.jetty..",
                        "dev.dataversebdd.emulator.http..")
                .check(MAIN);
    }

    /** The channel's transport is the one RestAssured request builder; the DSL only reads JSON paths with it. */
    @Test
    void should_build_restassured_requests_only_in_the_wire_floor() {
        noClasses().that().resideOutsideOfPackages("dev.dataversebdd.wire..", "dev.dataversebdd.dsl")
                .should().dependOnClassesThat().resideInAPackage("io.restassured..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("dev.dataversebdd.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("io.restassured.specification..", "io.restassured.config..")
                .check(MAIN);
    }

    @Test
    void should_keep_jetty_inside_the_emulator_http_adapter() {
        noClasses().that().resideOutsideOfPackage("dev.dataversebdd.emulator.http..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(MAIN);
    }

    /** picocli is an optional dependency, in the standalone jar only: no class a consumer's tests load may need it. */
    @Test
    void should_keep_picocli_inside_the_standalone_programs_commands() {
        noClasses().that().resideOutsideOfPackage("dev.dataversebdd.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("dev.dataversebdd.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.dataversebdd.cli..")
                .check(MAIN);
    }

    @Test
    void should_keep_steps_thin_glue_without_http_or_json_code() {
        noClasses().that().resideInAPackage("dev.dataversebdd.steps..")
                .should().dependOnClassesThat().resideInAnyPackage("io.restassured..", "com.fasterxml.jackson..",
                        "java.net.http..", "dev.dataversebdd.wire..")
                .check(MAIN);
    }

    /** The house's arrows, checked transitively: what may never reach what, however indirectly. */
    @Test
    void should_keep_the_dependency_rules_between_the_parts_transitively() {
        noClasses().that().resideInAPackage("dev.dataversebdd.emulator..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("dev.dataversebdd.dsl..",
                        "dev.dataversebdd.safety..", "dev.dataversebdd.wire..", "dev.dataversebdd.steps..",
                        "dev.dataversebdd.targets..", "dev.dataversebdd.report..", "dev.dataversebdd.cli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.safety..", "dev.dataversebdd.wire..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("dev.dataversebdd.emulator..",
                        "dev.dataversebdd.targets..", "dev.dataversebdd.steps..", "dev.dataversebdd.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.report..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("dev.dataversebdd.dsl..",
                        "dev.dataversebdd.safety..", "dev.dataversebdd.wire..", "dev.dataversebdd.targets..", "dev.dataversebdd.steps..",
                        "dev.dataversebdd.emulator..", "dev.dataversebdd.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.targets..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.steps..", "dev.dataversebdd.cli..",
                        "dev.dataversebdd.safety..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.steps..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.emulator..", "dev.dataversebdd.safety..")
                .check(MAIN);
    }

    // ---- The client side's floors: wire at the bottom, safety on it, the DSL on both; nothing points back up ----

    /** No two top-level parts import each other, however indirectly. */
    @Test
    void should_keep_the_top_level_parts_free_of_cycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("dev.dataversebdd.(*)..")
                .should().beFreeOfCycles()
                .check(MAIN);
    }

    /** The bottom floor and the safety net state what they need; the DSL above supplies it. */
    @Test
    void should_keep_the_wire_floor_and_the_safety_net_free_of_the_dsl() {
        noClasses().that().resideInAnyPackage("dev.dataversebdd.wire..", "dev.dataversebdd.safety..")
                .should().transitivelyDependOnClassesThat().resideInAPackage("dev.dataversebdd.dsl..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.safety..",
                        "dev.dataversebdd.targets..", "dev.dataversebdd.steps..", "dev.dataversebdd.cli..",
                        "dev.dataversebdd.junit..", "dev.dataversebdd.conformance..", "dev.dataversebdd.emulator..")
                .check(MAIN);
    }

    /** Small files with one job: no source file of the library is longer than 400 lines. */
    @Test
    void should_keep_every_source_file_within_400_lines() throws java.io.IOException {
        java.util.List<String> tooLong = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
                java.nio.file.Path.of("src/main/java/dev/dataversebdd"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).size();
                if (lines > 400) {
                    tooLong.add(file + ": " + lines + " lines");
                }
            }
        }
        org.hamcrest.MatcherAssert.assertThat(tooLong, org.hamcrest.Matchers.empty());
    }

    @Test
    void should_never_write_to_the_standard_streams_from_the_dsl() {
        noClasses().that().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.safety..",
                        "dev.dataversebdd.wire..", "dev.dataversebdd.steps..")
                .should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(MAIN);
    }

    /**
     * The public surface speaks its own types (and Hamcrest's Matcher, deliberately), in every package: no public
     * signature (method, constructor, field, supertype) of a type users may call, public and not
     * {@code @API(INTERNAL)}, names an internal type of ours, a RestAssured or a Jackson type, in its raw type or in a
     * type argument; on the client side ({@code dsl}, {@code safety}, {@code wire}, {@code targets}) not even an
     * internal type names a RestAssured or Jackson type; and no public signature anywhere names a type of ours that
     * is not public.
     */
    @Test
    void should_expose_no_internal_restassured_or_jackson_type_in_any_public_signature() {
        java.util.List<String> leaks = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : MAIN) {
            Class<?> reflected = type.reflect();
            if (reflected.isAnonymousClass() || reflected.isSynthetic() || !effectivelyPublic(reflected)) {
                continue;
            }
            boolean userFacing = !internal(reflected);
            boolean clientSide = java.util.List.of("dsl", "safety", "wire", "targets").contains(
                    reflected.getPackageName().replaceFirst("^dev\\.dataversebdd\\.", "").replaceFirst("\\..*", ""));
            java.util.List<java.util.Map.Entry<String, java.lang.reflect.Type>> signatures = new java.util.ArrayList<>();
            for (java.lang.reflect.Method method : reflected.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    signatures.add(java.util.Map.entry(method.getName() + " returns", method.getGenericReturnType()));
                    java.lang.reflect.Type[] parameters = method.getGenericParameterTypes();
                    for (int i = 0; i < parameters.length; i++) {
                        signatures.add(java.util.Map.entry(method.getName() + " parameter " + i, parameters[i]));
                    }
                }
            }
            for (java.lang.reflect.Constructor<?> constructor : reflected.getDeclaredConstructors()) {
                if (java.lang.reflect.Modifier.isPublic(constructor.getModifiers())) {
                    java.lang.reflect.Type[] parameters = constructor.getGenericParameterTypes();
                    for (int i = 0; i < parameters.length; i++) {
                        signatures.add(java.util.Map.entry("new parameter " + i, parameters[i]));
                    }
                }
            }
            for (java.lang.reflect.Field field : reflected.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isPublic(field.getModifiers())) {
                    signatures.add(java.util.Map.entry(field.getName(), field.getGenericType()));
                }
            }
            if (reflected.getGenericSuperclass() != null) {
                signatures.add(java.util.Map.entry("extends", reflected.getGenericSuperclass()));
            }
            for (java.lang.reflect.Type implemented : reflected.getGenericInterfaces()) {
                signatures.add(java.util.Map.entry("implements " + implemented.getTypeName(), implemented));
            }
            for (java.util.Map.Entry<String, java.lang.reflect.Type> signature : signatures) {
                forbidden(signature.getValue(), userFacing, userFacing || clientSide).ifPresent(bad -> leaks.add(
                        reflected.getName() + " " + signature.getKey() + ": " + bad));
            }
        }
        leaks.removeAll(LEAKS_OWNED_ELSEWHERE);
        org.hamcrest.MatcherAssert.assertThat(leaks, org.hamcrest.Matchers.empty());
    }

    /**
     * Leaks this rule found when it was extended over every package, in parts whose owners narrow them: a STABLE
     * emulator type that hands out an INTERNAL one, and the conformance kit's JSON. No new entry belongs here.
     */
    private static final java.util.List<String> LEAKS_OWNED_ELSEWHERE = java.util.List.of(
            "dev.dataversebdd.emulator.core.schema.Schema type returns: dev.dataversebdd.emulator.core.schema.EntityType",
            "dev.dataversebdd.emulator.core.schema.Schema byEntitySet returns: dev.dataversebdd.emulator.core.schema.EntityType",
            "dev.dataversebdd.emulator.core.schema.Schema byLogicalName returns: dev.dataversebdd.emulator.core.schema.EntityType",
            "dev.dataversebdd.conformance.ConformanceMatrix toJson returns: com.fasterxml.jackson.databind.node.ObjectNode",
            "dev.dataversebdd.conformance.MatrixDiff toJson returns: com.fasterxml.jackson.databind.node.ObjectNode",
            "dev.dataversebdd.conformance.MatrixDiff new parameter 0: com.fasterxml.jackson.databind.JsonNode",
            "dev.dataversebdd.conformance.MatrixDiff new parameter 1: com.fasterxml.jackson.databind.JsonNode");

    private static boolean effectivelyPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** {@code @API(INTERNAL)} on the type or a type around it, or a type of an internal package (package-info says so). */
    private static boolean internal(Class<?> type) {
        if (type.getPackageName().equals("dev.dataversebdd.wire") || type.getPackageName().equals("dev.dataversebdd.safety")) {
            return true;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            org.apiguardian.api.API api = c.getAnnotation(org.apiguardian.api.API.class);
            if (api != null) {
                return api.status() == org.apiguardian.api.API.Status.INTERNAL;
            }
        }
        return false;
    }

    /** What in {@code type} a public signature may not name: see the rule above. */
    private static java.util.Optional<String> forbidden(java.lang.reflect.Type type, boolean userFacing,
                                                        boolean foreignToo) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
                java.util.Optional<String> bad = forbidden(argument, userFacing, foreignToo);
                if (bad.isPresent()) {
                    return bad;
                }
            }
            return forbidden(parameterized.getRawType(), userFacing, foreignToo);
        }
        if (type instanceof java.lang.reflect.WildcardType wildcard) {
            for (java.lang.reflect.Type bound : wildcard.getUpperBounds()) {
                java.util.Optional<String> bad = forbidden(bound, userFacing, foreignToo);
                if (bad.isPresent()) {
                    return bad;
                }
            }
            for (java.lang.reflect.Type bound : wildcard.getLowerBounds()) {
                java.util.Optional<String> bad = forbidden(bound, userFacing, foreignToo);
                if (bad.isPresent()) {
                    return bad;
                }
            }
            return java.util.Optional.empty();
        }
        if (type instanceof java.lang.reflect.GenericArrayType array) {
            return forbidden(array.getGenericComponentType(), userFacing, foreignToo);
        }
        if (type instanceof Class<?> raw) {
            Class<?> element = raw;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            String name = element.getName();
            boolean foreign = name.startsWith("io.restassured.") || name.startsWith("com.fasterxml.jackson.");
            boolean ours = name.startsWith("dev.dataversebdd.");
            boolean bad = ours && !effectivelyPublic(element) || foreignToo && foreign || userFacing && ours && internal(element);
            return bad ? java.util.Optional.of(name) : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /**
     * The HTTP adapter reaches the core only through its face and the values that cross it: the request and the
     * response, and the settings the adapter's builder takes (the behaviour profile, the schema and the service
     * protection limits). Routing, the
     * store and the error catalogue stay the core's to change.
     */
    @Test
    void should_let_the_emulator_http_adapter_reach_the_core_only_through_its_face() {
        java.util.List<String> face = java.util.List.of("dev.dataversebdd.emulator.core.DataverseService",
                "dev.dataversebdd.emulator.core.EmulatorRequest", "dev.dataversebdd.emulator.core.EmulatorResponse",
                "dev.dataversebdd.emulator.core.BehaviourProfile", "dev.dataversebdd.emulator.core.schema.Schema",
                "dev.dataversebdd.emulator.core.limits.ServiceProtection");
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> behindTheFace =
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.dataversebdd.emulator.core..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not one of " + face,
                                type -> !face.contains(type.getName())));
        noClasses().that().resideInAPackage("dev.dataversebdd.emulator.http..")
                .should().dependOnClassesThat(behindTheFace)
                .check(MAIN);
    }
}

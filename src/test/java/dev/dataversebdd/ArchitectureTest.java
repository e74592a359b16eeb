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
                .should().dependOnClassesThat().resideInAPackage("dev.dataversebdd.dsl..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dataversebdd.safety..",
                        "dev.dataversebdd.targets..", "dev.dataversebdd.steps..", "dev.dataversebdd.cli..",
                        "dev.dataversebdd.junit..", "dev.dataversebdd.conformance..", "dev.dataversebdd.emulator..")
                .check(MAIN);
    }

    @Test
    void should_never_write_to_the_standard_streams_from_the_dsl() {
        noClasses().that().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.safety..",
                        "dev.dataversebdd.wire..", "dev.dataversebdd.steps..")
                .should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(MAIN);
    }

    /**
     * The public DSL speaks its own types (and Hamcrest's Matcher, deliberately): no public signature of a public DSL
     * type names an internal, RestAssured or Jackson type, in its raw type or in a type argument.
     */
    @Test
    void should_expose_no_internal_restassured_or_jackson_type_in_the_public_dsl() {
        java.util.List<String> leaks = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : MAIN) {
            if (!type.getPackageName().equals("dev.dataversebdd.dsl") || !type.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            Class<?> reflected = type.reflect();
            for (java.lang.reflect.Method method : reflected.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    java.util.List<java.lang.reflect.Type> types = new java.util.ArrayList<>(
                            java.util.List.of(method.getGenericParameterTypes()));
                    types.add(method.getGenericReturnType());
                    for (java.lang.reflect.Type t : types) {
                        forbidden(t).ifPresent(bad -> leaks.add(reflected.getSimpleName() + "." + method.getName() + ": " + bad));
                    }
                }
            }
        }
        org.hamcrest.MatcherAssert.assertThat(leaks, org.hamcrest.Matchers.empty());
    }

    private static java.util.Optional<String> forbidden(java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
                java.util.Optional<String> bad = forbidden(argument);
                if (bad.isPresent()) {
                    return bad;
                }
            }
            return forbidden(parameterized.getRawType());
        }
        if (type instanceof Class<?> raw) {
            Class<?> element = raw.isArray() ? raw.getComponentType() : raw;
            String name = element.getName();
            boolean internal = name.startsWith("dev.dataversebdd.dsl.internal.") || name.startsWith("dev.dataversebdd.safety.")
                    || name.startsWith("dev.dataversebdd.wire.")
                    || name.startsWith("io.restassured.") || name.startsWith("com.fasterxml.jackson.");
            return internal ? java.util.Optional.of(name) : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }
}

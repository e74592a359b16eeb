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
                        "dev.dataversebdd.targets..", "dev.dataversebdd.report..", "io.restassured..", "io.cucumber..")
                .check(MAIN);
    }

    @Test
    void should_keep_the_dsl_free_of_the_emulator_so_they_cannot_share_a_bug() {
        noClasses().that().resideInAnyPackage("dev.dataversebdd.dsl..", "dev.dataversebdd.steps..", "dev.dataversebdd.report..",
                        "dev.dataversebdd.safety..")
                .should().dependOnClassesThat().resideInAPackage("dev.dataversebdd.emulator..")
                .check(MAIN);
    }

    @Test
    void should_keep_the_emulator_core_free_of_any_http_server() {
        noClasses().that().resideInAPackage("dev.dataversebdd.emulator.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..", "org.eclipse.jetty..",
                        "dev.dataversebdd.emulator.http..")
                .check(MAIN);
    }

    @Test
    void should_build_restassured_requests_only_in_dsl_internal() {
        noClasses().that().resideOutsideOfPackage("dev.dataversebdd.dsl..")
                .should().dependOnClassesThat().resideInAPackage("io.restassured..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.dataversebdd.dsl")
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
                        "java.net.http..", "dev.dataversebdd.dsl.internal..")
                .check(MAIN);
    }
}

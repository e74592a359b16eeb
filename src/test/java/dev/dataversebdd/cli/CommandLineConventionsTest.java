package dev.dataversebdd.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * One style for every command of the standalone program, checked over the command tree itself, so that a command
 * added later is held to it too: {@code --help} and {@code --version} exit 0 on stdout, and an unknown flag exits 2
 * with an error line and that command's own usage line on stderr, never a stack trace.
 */
class CommandLineConventionsTest {

    /** What a command line printed and how it exited. */
    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Every command and subcommand, as the words that call it ("" is the program itself). */
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(CommandLines.create(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String path, List<String> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> collect(sub, (path + " " + name).strip(), paths));
    }

    private static String[] words(String path, String... more) {
        List<String> all = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String usagePrefix(String path) {
        return "Usage: " + (Main.NAME + " " + path).strip() + " [-hV]";
    }

    @Test
    void should_find_every_command_of_the_program() {
        assertThat(commands().toList(), hasItems("", "emulator", "sweep", "health", "conformance", "conformance run",
                "conformance diff", "conformance replay"));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void should_print_its_usage_on_stdout_and_exit_0_when_asked_for_help(String command) {
        // WHEN
        Run help = run(words(command, "--help"));
        // THEN
        assertThat(help.err(), help.status(), equalTo(0));
        assertThat(help.out(), startsWith(usagePrefix(command)));
        assertThat(help.err(), emptyString());
    }

    @ParameterizedTest(name = "{0} --version")
    @MethodSource("commands")
    void should_print_the_version_and_exit_0(String command) {
        // WHEN
        Run version = run(words(command, "--version"));
        // THEN
        assertThat(version.status(), equalTo(0));
        assertThat(version.out(), startsWith("dataverse-bdd "));
    }

    // a flag like no real one: picocli answers a near miss (--no-such-flag beside --no-auth) with its suggestions first
    @ParameterizedTest(name = "{0} --frobnicate")
    @MethodSource("commands")
    void should_answer_an_unknown_flag_with_an_error_and_its_own_usage_line_on_stderr_and_exit_2(String command) {
        // WHEN
        Run wrong = run(words(command, "--frobnicate"));
        // THEN
        assertThat(wrong.status(), equalTo(2));
        assertThat(wrong.out(), emptyString());
        assertThat(wrong.errLines().get(0), equalTo("error: Unknown option: '--frobnicate'"));
        assertThat(wrong.errLines().get(1), startsWith(usagePrefix(command)));
        assertThat(wrong.errLines().get(wrong.errLines().size() - 1),
                equalTo("Try '" + (Main.NAME + " " + command).strip() + " --help' for more information."));
        assertThat(wrong.err(), not(org.hamcrest.Matchers.containsString("\tat ")));
    }

    @Test
    void should_name_an_unknown_command_and_exit_2() {
        // WHEN
        Run unknown = run("frobnicate");
        // THEN
        assertThat(unknown.status(), equalTo(2));
        assertThat(unknown.errLines().get(0), equalTo("error: unknown command 'frobnicate'"));
        assertThat(unknown.err(), org.hamcrest.Matchers.containsString(usagePrefix("") + " [COMMAND]"));
    }

    @Test
    void should_ask_for_a_command_when_given_none_and_exit_2() {
        // WHEN
        Run none = run();
        Run conformance = run("conformance");
        // THEN
        assertThat(none.status(), equalTo(2));
        assertThat(none.errLines().get(0), equalTo("error: a command is missing: emulator, sweep, health, conformance or metadata"));
        assertThat(conformance.status(), equalTo(2));
        assertThat(conformance.errLines().get(0), equalTo("error: a command is missing: run, diff, replay or merge"));
        assertThat(conformance.errLines().get(1), startsWith(usagePrefix("conformance")));
    }
}

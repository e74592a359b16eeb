package dev.dataversebdd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every command the project's documents tell a user to run: the lines of their {@code bash} blocks and the inline
 * code that starts with a program name, each with the file and line it is written on. {@link ReadmeCommandsIT} makes
 * sure each of them is run by the build or the CI, exactly as written.
 */
final class DocumentedCommands {

    /** A command as a document writes it, trailing comment and continuation lines folded away. */
    record Command(String text, String where) {
    }

    /** The programs whose invocations count as commands. */
    private static final Pattern PROGRAM = Pattern.compile("^(mvn|java|docker|podman|bash|sh) .*");
    private static final Pattern INLINE = Pattern.compile("`((?:mvn|java -jar) [^`]+)`");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    private DocumentedCommands() {
    }

    /** The documents users read: the README, the site pages, and the README of features/ and reports/. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("features/README.md"),
                root.resolve("reports/README.md")));
        try (Stream<Path> pages = Files.list(root.resolve("src/site/markdown"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Command> in(Path root) throws IOException {
        List<Command> commands = new ArrayList<>();
        for (Path document : documents(root)) {
            String text = Files.readString(document);
            String name = root.relativize(document).toString().replace('\\', '/');
            Matcher block = BASH_BLOCK.matcher(text);
            while (block.find()) {
                int firstLine = lineOf(text, block.start(1));
                String[] lines = block.group(1).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    StringBuilder command = new StringBuilder(lines[i].strip());
                    int start = i;
                    while (command.toString().endsWith("\\") && i + 1 < lines.length) {
                        command.setLength(command.length() - 1);
                        command.append(' ').append(lines[++i].strip());
                    }
                    String folded = withoutComment(command.toString()).replaceAll("\\s+", " ");
                    if (PROGRAM.matcher(folded).matches()) {
                        commands.add(new Command(folded, name + ":" + (firstLine + start)));
                    }
                }
            }
            // Inline code outside the blocks; each block becomes as many empty lines, so line numbers hold.
            String outsideBlocks = BASH_BLOCK.matcher(text).replaceAll(m -> "\n".repeat(
                    (int) m.group().chars().filter(c -> c == '\n').count()));
            Matcher inline = INLINE.matcher(outsideBlocks);
            while (inline.find()) {
                commands.add(new Command(inline.group(1).strip().replaceAll("\\s+", " "), name + ":" + lineOf(outsideBlocks, inline.start())));
            }
        }
        return commands;
    }

    /** Drops a trailing {@code # comment} that is not inside quotes. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).strip();
            }
        }
        return line.strip();
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}

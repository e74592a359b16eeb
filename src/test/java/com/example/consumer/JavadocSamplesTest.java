package com.example.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code <pre>{@code …}</pre>} sample in the Javadoc of the public API compiles, as a consumer would write it:
 * in a package of its own, with only public types at hand. The samples' free variables ({@code dv}, {@code deal}, …)
 * are declared for them.
 */
class JavadocSamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* \\}</pre>", Pattern.DOTALL);
    private static final Pattern DECLARED = Pattern.compile("\\b[A-Z][\\w.<>]*\\s+(\\w+)\\s*=");
    private static final Map<String, String> FREE_VARIABLES = new LinkedHashMap<>();

    static {
        FREE_VARIABLES.put("dv", "DataverseSession dv = null;");
        FREE_VARIABLES.put("dataverse", "Dataverse dataverse = null;");
        for (String row : List.of("deal", "contoso", "ann", "bob", "mail", "rival", "fabrikam", "dana", "a")) {
            FREE_VARIABLES.put(row, "RowRef " + row + " = null;");
        }
        FREE_VARIABLES.put("outcome", "Outcome outcome = null;");
        FREE_VARIABLES.put("sent", "BatchOutcome sent = null;");
        for (String text : List.of("path", "relativeBody", "clientSecret", "message")) {
            FREE_VARIABLES.put(text, "String " + text + " = \"\";");
        }
        FREE_VARIABLES.put("secrets", "List<String> secrets = List.of();");
        FREE_VARIABLES.put("runStarted", "java.nio.file.attribute.FileTime runStarted = null;");
    }

    private static final String IMPORTS = """
            import dev.dataversebdd.dsl.*;
            import dev.dataversebdd.targets.*;
            import dev.dataversebdd.report.*;
            import dev.dataversebdd.junit.*;
            import org.junit.jupiter.api.Test;
            import dev.dataversebdd.emulator.core.*;
            import dev.dataversebdd.emulator.core.schema.Schema;
            import dev.dataversebdd.emulator.core.limits.ServiceProtection;
            import dev.dataversebdd.emulator.http.DataverseEmulator;
            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            """;

    @Test
    void should_compile_every_javadoc_sample_against_the_public_api(@TempDir Path out) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher sample = SAMPLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                int n = 0;
                while (sample.find()) {
                    String code = sample.group(1).replaceAll("(?m)^\\s*\\* ?", "").replace("{ … }", "{ }");
                    String name = file.getFileName().toString().replace(".java", "") + "Sample" + (++n);
                    sources.add(source(name, code));
                }
            }
        }
        assertThat(sources.size(), greaterThan(20));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null, List.of("-d", out.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path")), null, sources).call();
        assertThat(compiled ? List.of() : List.of(errors.toString()), empty());
    }

    private static JavaFileObject source(String name, String code) {
        StringBuilder prelude = new StringBuilder();
        List<String> declared = new ArrayList<>();
        Matcher m = DECLARED.matcher(code);
        while (m.find()) {
            declared.add(m.group(1));
        }
        FREE_VARIABLES.forEach((variable, declaration) -> {
            if (!declared.contains(variable) && Pattern.compile("\\b" + variable + "\\b").matcher(code).find()) {
                prelude.append(declaration).append('\n');
            }
        });
        String text = "package com.example.samples;\n" + IMPORTS + "class " + name + " {\n  void sample() throws Exception {\n"
                + prelude + code + "\n  }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}

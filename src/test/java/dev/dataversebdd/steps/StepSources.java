package dev.dataversebdd.steps;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the compiled glue does not keep: Javadoc, parameter names, the body of each method and its place in the file.
 * Javadoc is not available at runtime, so the sources are parsed with the JDK's own compiler API (parsing only,
 * nothing is compiled), which reads comments and generics exactly as javac does.
 */
final class StepSources {

    /** One method as written: its place in the file orders the reference. */
    record MethodSource(String name, List<String> parameterNames, String javadoc, String body, long position) {
    }

    private final Path sourceRoot;
    private final Map<String, Map<String, MethodSource>> methodsByClass = new HashMap<>();
    private final Map<String, String> classJavadoc = new HashMap<>();

    StepSources(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    String classJavadoc(Class<?> type) {
        load(type);
        return classJavadoc.getOrDefault(type.getName(), "");
    }

    /** The method of {@code type} with this name and number of parameters; overloads of that shape are refused. */
    MethodSource method(Class<?> type, String name, int parameterCount) {
        load(type);
        MethodSource found = methodsByClass.get(type.getName()).get(name + "/" + parameterCount);
        if (found == null) {
            throw new IllegalStateException("no method " + name + " with " + parameterCount + " parameters in "
                    + file(type) + "; is it compiled from this source?");
        }
        return found;
    }

    private Path file(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return sourceRoot.resolve(outer.getName().replace('.', '/') + ".java");
    }

    private void load(Class<?> type) {
        if (methodsByClass.containsKey(type.getName())) {
            return;
        }
        Path file = file(type);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjects(file));
            DocTrees trees = DocTrees.instance(task);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (CompilationUnitTree unit : task.parse()) {
                scan(unit, trees, text, type.getPackageName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!methodsByClass.containsKey(type.getName())) {
            throw new IllegalStateException("no class " + type.getName() + " in " + file);
        }
    }

    private void scan(CompilationUnitTree unit, DocTrees trees, String text, String packageName) {
        SourcePositions positions = trees.getSourcePositions();
        new TreePathScanner<Void, String>() {
            @Override
            public Void visitClass(ClassTree tree, String outer) {
                String name = (outer == null ? packageName + "." : outer + "$") + tree.getSimpleName();
                methodsByClass.put(name, new HashMap<>());
                classJavadoc.put(name, markdown(trees.getDocCommentTree(getCurrentPath())));
                return super.visitClass(tree, name);
            }

            @Override
            public Void visitMethod(MethodTree tree, String owner) {
                TreePath path = getCurrentPath();
                String body = tree.getBody() == null ? ""
                        : text.substring((int) positions.getStartPosition(unit, tree.getBody()) + 1,
                                (int) positions.getEndPosition(unit, tree.getBody()) - 1);
                MethodSource method = new MethodSource(tree.getName().toString(),
                        tree.getParameters().stream().map(p -> p.getName().toString()).toList(),
                        markdown(trees.getDocCommentTree(path)), body.strip().replaceAll("\\s+", " "),
                        positions.getStartPosition(unit, tree));
                MethodSource twin = methodsByClass.get(owner).put(method.name() + "/" + method.parameterNames().size(), method);
                if (twin != null) {
                    throw new IllegalStateException(owner + " has two methods " + method.name() + " with "
                            + method.parameterNames().size() + " parameters; the step reference cannot tell them apart");
                }
                return null;
            }
        }.scan(unit, null);
    }

    /** A Javadoc comment's main description as Markdown: {@code x} and {@link X} become code spans. */
    static String markdown(DocCommentTree comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (DocTree part : comment.getFullBody()) {
            switch (part.getKind()) {
                case TEXT -> out.append(((TextTree) part).getBody());
                case CODE -> out.append('`').append(((LiteralTree) part).getBody().getBody()).append('`');
                case LITERAL -> out.append(((LiteralTree) part).getBody().getBody());
                case LINK, LINK_PLAIN -> {
                    LinkTree link = (LinkTree) part;
                    out.append('`').append(link.getLabel().isEmpty() ? link.getReference().getSignature()
                            : link.getLabel().toString()).append('`');
                }
                case ENTITY -> out.append(switch (((EntityTree) part).getName().toString()) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    default -> part.toString();
                });
                case START_ELEMENT -> out.append("p".equalsIgnoreCase(((StartElementTree) part).getName().toString())
                        ? "\n\n" : "");
                case END_ELEMENT -> {
                    // </p> and the like: the paragraph break came with the start tag
                }
                default -> out.append(part);
            }
        }
        return out.toString().strip().replaceAll("[ \\t]*\\n[ \\t]*\\n\\s*", "\u0000").replaceAll("\\s+", " ")
                .replace("\u0000", "\n\n");
    }
}

package io.jtwisted.examples;

import io.jtwisted.internet.error.CannotListenError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What {@code bin/run-example} runs: with no argument, lists the examples found under a classes
 * directory with their {@link Example} line and default port; with a name, runs that example's
 * {@code main}. A {@link NumberFormatException} or {@link IllegalArgumentException} escaping the
 * example's {@code main} is a bad command line: it prints the message and the usage line and exits
 * with status 2, instead of a stack trace; a {@link CannotListenError} prints its one line and exits
 * with status 1.
 */
public final class ExampleLauncher {
    private static final int USAGE_ERROR = 2;

    private ExampleLauncher() {}

    /** {@code ExampleLauncher CLASSES_DIR [NAME [ARGS...]]}. */
    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: ExampleLauncher CLASSES_DIR [NAME [ARGS...]]");
            System.exit(USAGE_ERROR);
        }
        List<Class<?>> examples = findExamples(Path.of(args[0]));
        if (args.length == 1) {
            printList(examples, System.err);
            System.exit(USAGE_ERROR);
        }
        String name = args[1];
        Optional<Class<?>> example = examples.stream()
                .filter(c -> c.getSimpleName().equals(name) || c.getName().equals(name))
                .findFirst();
        if (example.isEmpty()) {
            System.err.println("no example named " + name + " (run bin/run-example for the list)");
            System.exit(USAGE_ERROR);
        }
        String[] exampleArgs = new String[args.length - 2];
        System.arraycopy(args, 2, exampleArgs, 0, exampleArgs.length);
        run(example.get(), exampleArgs);
    }

    private static void run(Class<?> example, String[] args) throws Throwable {
        Method main = example.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) { // NumberFormatException too
                System.err.println(example.getSimpleName() + ": " + describe(cause));
                System.err.println("usage: " + usageLine(example));
                System.exit(USAGE_ERROR);
            }
            if (cause instanceof CannotListenError) { // a port in use or not allowed: say so, no trace
                System.err.println(example.getSimpleName() + ": " + cause.getMessage());
                System.exit(1);
            }
            throw cause;
        }
    }

    private static String describe(Throwable error) {
        if (error instanceof NumberFormatException
                && error.getMessage() != null
                && error.getMessage().startsWith("For input string: ")) {
            return "not a number: " + error.getMessage().substring("For input string: ".length());
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    /** {@code bin/run-example NAME USAGE}, from the example's {@link Example} annotation. */
    static String usageLine(Class<?> example) {
        Example info = example.getAnnotation(Example.class);
        String usage = info == null ? "" : info.usage();
        return ("bin/run-example " + example.getSimpleName() + " " + usage).strip();
    }

    /** One line per example: name, default port (or "-"), description. */
    static void printList(List<Class<?>> examples, PrintStream out) {
        out.println("usage: bin/run-example NAME [ARGS...]");
        out.println("examples (name, default port, what it shows):");
        int width = examples.stream()
                .mapToInt(c -> c.getSimpleName().length())
                .max()
                .orElse(0);
        String chapter = null;
        for (Class<?> example : examples) {
            String exampleChapter =
                    example.getPackageName().substring(example.getPackageName().lastIndexOf('.') + 1);
            if (!exampleChapter.equals(chapter)) {
                chapter = exampleChapter;
                out.println(" " + chapter + ":");
            }
            Example info = example.getAnnotation(Example.class);
            String port = info == null || info.port() == 0 ? "-" : Integer.toString(info.port());
            String line = info == null ? "" : info.value();
            out.printf("  %-" + width + "s  %5s  %s%n", example.getSimpleName(), port, line);
        }
    }

    /** The classes under {@code classes} with a {@code public static void main(String[])}, by simple name. */
    static List<Class<?>> findExamples(Path classes) {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = classes.relativize(file).toString();
                if (!relative.endsWith(".class") || relative.contains("$")) {
                    continue;
                }
                String className = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> candidate = loadQuietly(className);
                if (candidate != null && candidate != ExampleLauncher.class && hasMain(candidate)) {
                    found.add(candidate);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + classes, e);
        }
        found.sort(Comparator.comparing((Class<?> c) -> c.getPackageName()).thenComparing(Class::getSimpleName));
        return found;
    }

    private static @Nullable Class<?> loadQuietly(String className) {
        try {
            return Class.forName(className, false, ExampleLauncher.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // not loadable from this class path: not an example we can run
        }
    }

    private static boolean hasMain(Class<?> candidate) {
        try {
            Method main = candidate.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}

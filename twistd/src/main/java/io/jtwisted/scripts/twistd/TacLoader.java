package io.jtwisted.scripts.twistd;

import io.jtwisted.application.service.Application;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * Loads the application of a Java source file, as {@code twistd -y} loads a {@code .tac} file: compiles it in
 * memory against twistd's class path (any file name works, as with {@code java File.java}), then calls the
 * first top-level class's {@code public static Application application()} or reads its static
 * {@code application} field.
 *
 * <p>Compiled classes are kept in a cache directory keyed by the source, the class path and the JDK, so a
 * second start of the same file skips the compiler (which costs most of a second on a cold JVM).
 */
final class TacLoader {
    private final Path source;
    private final @Nullable Path cacheRoot;
    private @Nullable ClassLoader loader;

    /** Loads {@code source}, caching its classes under {@code cacheRoot} (null: no cache). */
    TacLoader(Path source, @Nullable Path cacheRoot) {
        this.source = source;
        this.cacheRoot = cacheRoot;
    }

    /**
     * Where compiled application files are cached: the system property {@code jtwisted.twistd.cache} when set,
     * else {@code $XDG_CACHE_HOME/jtwisted/twistd}, else {@code ~/.cache/jtwisted/twistd}.
     */
    static Path defaultCacheRoot() {
        String property = System.getProperty("jtwisted.twistd.cache");
        if (property != null && !property.isEmpty()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jtwisted").resolve("twistd");
    }

    /** The class loader of the last {@link #load()}, for {@code --logger} classes declared in the file. */
    ClassLoader loader() {
        if (loader == null) {
            throw new IllegalStateException("load() first");
        }
        return loader;
    }

    /** Compiles the file (or finds it in the cache) without running anything of it: javac's errors, early. */
    void compileOnly() throws StartupError {
        compiled();
    }

    private Compiled compiled() throws StartupError {
        byte[] text;
        try {
            text = Files.readAllBytes(source);
        } catch (NoSuchFileException missing) {
            throw new StartupError("no such file: " + source);
        } catch (IOException e) {
            throw new StartupError("cannot read " + source + ": " + Twistd.reason(e));
        }
        String classPath = System.getProperty("java.class.path");
        Path cached = cacheRoot == null ? null : cacheRoot.resolve(key(text, classPath));
        Compiled compiled = cached == null ? null : Compiled.readFrom(cached, text);
        if (compiled == null) {
            compiled = compile(new String(text, StandardCharsets.UTF_8), classPath);
            if (cached != null) {
                compiled.writeTo(cached, text);
            }
        }
        return compiled;
    }

    /**
     * Compiles (or finds in the cache), loads and asks the file for its application.
     *
     * @throws StartupError when the file is missing, does not compile (javac's messages are in it), has no
     *     application, or its {@code application()} throws
     */
    Application load() throws StartupError {
        Compiled compiled = compiled();
        loader = new MemoryClassLoader(compiled.classes(), TacLoader.class.getClassLoader());
        Class<?> type;
        try {
            type = loader.loadClass(compiled.mainClass());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StartupError("cannot load " + compiled.mainClass() + " from " + source + ": " + e);
        }
        return applicationOf(type);
    }

    private Application applicationOf(Class<?> type) throws StartupError {
        String expected = source + " has no application: its class " + type.getSimpleName()
                + " must declare `public static Application application()` (or a static field `application`)";
        Object application;
        try {
            Method method = type.getDeclaredMethod("application");
            if (!Modifier.isStatic(method.getModifiers())) {
                throw new StartupError(expected + "; its application() is not static");
            }
            method.setAccessible(true);
            application = method.invoke(null);
        } catch (NoSuchMethodException noMethod) {
            try {
                Field field = type.getDeclaredField("application");
                if (!Modifier.isStatic(field.getModifiers())) {
                    throw new StartupError(expected + "; its field application is not static");
                }
                field.setAccessible(true);
                application = field.get(null);
            } catch (NoSuchFieldException noField) {
                throw new StartupError(expected);
            } catch (IllegalAccessException | ExceptionInInitializerError e) {
                throw threw(
                        e instanceof ExceptionInInitializerError init ? init.getCause() : e,
                        "initialising " + type.getSimpleName());
            }
        } catch (InvocationTargetException e) {
            throw threw(e.getCause(), "application()");
        } catch (IllegalAccessException | ExceptionInInitializerError e) {
            throw threw(
                    e instanceof ExceptionInInitializerError init ? init.getCause() : e,
                    "initialising " + type.getSimpleName());
        }
        if (application == null) {
            throw new StartupError("application() of " + source + " returned null");
        }
        if (!(application instanceof Application app)) {
            throw new StartupError("application() of " + source + " returned a "
                    + application.getClass().getName() + ", not an io.jtwisted.application.service.Application");
        }
        return app;
    }

    private StartupError threw(@Nullable Throwable error, String what) {
        if (error == null) { // the JVM always gives both errors their cause
            return new StartupError(what + " of " + source + " failed");
        }
        String where = "";
        for (StackTraceElement frame : error.getStackTrace()) {
            if ("twistd-application".equals(frame.getClassLoaderName())) {
                where = " (at line " + frame.getLineNumber() + ")";
                break;
            }
        }
        return new StartupError(
                what + " of " + source + " threw " + error.getClass().getName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()) + where,
                StartupError.FAILED,
                error);
    }

    private Compiled compile(String text, String classPath) throws StartupError {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new StartupError(
                    "-y needs a JDK (javax.tools found no compiler in " + System.getProperty("java.home") + ")");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        JavaFileObject unit = new SourceFile(source, text);
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", classPath, "-proc:none", "-implicit:none", "-encoding", "UTF-8");
        StringWriter javacOutput = new StringWriter();
        boolean ok = compiler.getTask(javacOutput, memory, diagnostics, options, null, List.of(unit))
                .call();
        if (!ok) {
            StringBuilder report = new StringBuilder();
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors++;
                    report.append(source)
                            .append(':')
                            .append(d.getLineNumber())
                            .append(": error: ")
                            .append(d.getMessage(Locale.ROOT))
                            .append('\n');
                    appendSourceLine(report, text, d);
                }
            }
            throw new CompileError(
                    report.toString(),
                    source + " does not compile (" + errors + " error" + (errors == 1 ? "" : "s") + ")");
        }
        String main = firstTopLevelClass(classes.keySet());
        if (main == null) {
            throw new StartupError(source + " declares no class");
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return new Compiled(main, bytes);
    }

    private static void appendSourceLine(StringBuilder report, String text, Diagnostic<?> d) {
        long line = d.getLineNumber();
        if (line < 1) {
            return;
        }
        String[] lines = text.split("\n", -1);
        if (line > lines.length) {
            return;
        }
        String code = lines[(int) line - 1].replace("\r", "");
        report.append(code).append('\n');
        long column = d.getColumnNumber();
        if (column >= 1) {
            report.append(" ".repeat((int) Math.min(column - 1, code.length()))).append("^\n");
        }
    }

    /** The first class javac wrote that is not nested: the file's first declared class. */
    private static @Nullable String firstTopLevelClass(Iterable<String> names) {
        for (String name : names) {
            if (name.indexOf('$') < 0) {
                return name;
            }
        }
        return null;
    }

    /**
     * The cache entry's name: a 64-bit FNV-1a hash of the source, the class path and the JDK. (A cryptographic
     * digest would cost a start the loading of the security providers; a hash collision is harmless because an
     * entry also keeps its source and is used only when the source matches.)
     */
    private static String key(byte[] text, String classPath) {
        long hash = 0xcbf29ce484222325L;
        for (byte[] part : new byte[][] {
            text,
            classPath.getBytes(StandardCharsets.UTF_8),
            Runtime.version().toString().getBytes(StandardCharsets.UTF_8)
        }) {
            for (byte b : part) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            hash = (hash ^ 0xff) * 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }

    /** A compile error: javac's messages, then the one-line summary. */
    static final class CompileError extends StartupError {
        private static final long serialVersionUID = 1L;
        private final String diagnostics;

        CompileError(String diagnostics, String summary) {
            super(summary);
            this.diagnostics = diagnostics;
        }

        String diagnostics() {
            return diagnostics;
        }
    }

    /** The source, under its own name whatever the class it declares (as the source launcher allows). */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final String text;

        SourceFile(Path path, String text) {
            super(path.toAbsolutePath().toUri(), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return true;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** The classes of one file, and which is its main class. */
    private record Compiled(String mainClass, Map<String, byte[]> classes) {
        private static final String INDEX = "classes.txt";
        private static final String SOURCE = "source.java";

        /** The entry in {@code dir}, if it exists and was compiled from {@code text}. */
        static @Nullable Compiled readFrom(Path dir, byte[] text) {
            try {
                if (!Arrays.equals(Files.readAllBytes(dir.resolve(SOURCE)), text)) {
                    return null;
                }
                List<String> names = Files.readAllLines(dir.resolve(INDEX), StandardCharsets.UTF_8);
                if (names.isEmpty()) {
                    return null;
                }
                Map<String, byte[]> classes = new LinkedHashMap<>();
                for (String name : names) {
                    classes.put(name, Files.readAllBytes(dir.resolve(name + ".class")));
                }
                return new Compiled(names.get(0), classes);
            } catch (IOException | RuntimeException absent) {
                return null;
            }
        }

        void writeTo(Path dir, byte[] text) {
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve(SOURCE), text);
                List<String> names = new ArrayList<>();
                names.add(mainClass);
                for (String name : classes.keySet()) {
                    if (!name.equals(mainClass)) {
                        names.add(name);
                    }
                }
                for (String name : names) {
                    Files.write(dir.resolve(name + ".class"), classes.get(name));
                }
                // The index last: a cache entry without it is ignored, so a crash mid-write is harmless.
                Path index = Files.createTempFile(dir, "classes", ".tmp");
                Files.write(index, names, StandardCharsets.UTF_8);
                Files.move(
                        index,
                        dir.resolve(INDEX),
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | UnsupportedOperationException unwritable) {
                // A cache that cannot be written only costs the next start a compile.
            }
        }
    }

    /** Defines the compiled classes, asking twistd's own loader for everything else. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("twistd-application", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}

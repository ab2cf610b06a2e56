package io.jtwisted.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;

/**
 * The rule each module's nullness test applies to its own compiled classes (core's test jar
 * shares it): every package is {@code @NullMarked}, so that NullAway checks it in every compile
 * and a caller reads in the types which values may be null.
 */
public final class NullMarkedPackages {
    private NullMarkedPackages() {}

    /**
     * The packages of the classes in the class-path entry (a directory or a jar) that holds
     * {@code anyClass}: for a module's main class, every package of that module's main sources.
     */
    public static Set<String> packagesBeside(Class<?> anyClass) {
        Path entry;
        try {
            entry = Path.of(
                    anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no class-path entry for " + anyClass, e);
        }
        try {
            if (Files.isDirectory(entry)) {
                return packagesUnder(entry);
            }
            try (FileSystem jar = FileSystems.newFileSystem(entry)) {
                return packagesUnder(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Those of {@code packages} whose {@code package-info} is missing or not {@code @NullMarked}. */
    public static Set<String> unmarked(Set<String> packages) {
        Set<String> unmarked = new TreeSet<>();
        for (String name : packages) {
            if (!isNullMarked(name)) {
                unmarked.add(name);
            }
        }
        return unmarked;
    }

    private static Set<String> packagesUnder(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.class"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .filter(file -> !root.relativize(file).startsWith("META-INF"))
                    .forEach(file -> {
                        Path parent = root.relativize(file).getParent();
                        if (parent != null) {
                            names.add(parent.toString()
                                    .replace(root.getFileSystem().getSeparator(), "."));
                        }
                    });
        }
        return names;
    }

    private static boolean isNullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info", false, NullMarkedPackages.class.getClassLoader())
                    .isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }
}

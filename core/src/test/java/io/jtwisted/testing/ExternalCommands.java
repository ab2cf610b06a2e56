package io.jtwisted.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a program a test runs as a real peer (haproxy, systemd-socket-activate). Where it is not
 * installed the test is skipped with a message naming the Debian package, except under CI
 * ({@code CI=true}), where {@code .ci/run} installs it and a missing one is a failure.
 */
public final class ExternalCommands {
    private ExternalCommands() {}

    /**
     * The absolute path of {@code name}, looked up on the PATH and in {@code /usr/sbin} and
     * {@code /sbin} (where Debian puts daemons such as haproxy).
     *
     * @param what the test, for the message
     * @param debianPackage the package that provides {@code name}, for the message
     */
    public static String require(String what, String name, String debianPackage) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.add("/usr/sbin");
        dirs.add("/sbin");
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        String message = what + " needs " + name + " (Debian: apt-get install " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + ", and CI=true: under CI the interop tests must run");
        }
        Assumptions.abort(message + ": skipped");
        throw new AssertionError("unreachable");
    }

    /**
     * Whether {@code env --default-signal=HUP} works here (GNU coreutils 8.31 and later): a child
     * started through it gets SIGHUP's default disposition back, where it would otherwise inherit a
     * test run's ignored SIGHUP (as under {@code nohup}).
     */
    public static boolean envResetsSighup() {
        try {
            return new ProcessBuilder("env", "--default-signal=HUP", "true")
                            .start()
                            .waitFor()
                    == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
